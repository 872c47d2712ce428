using System.Collections.Generic;

namespace Carebook.Api.Reference
{
    public class Specialty
    {
        public string Code { get; set; }

        public string Name { get; set; }

        public int DefaultMinutes { get; set; }
    }

    /// <summary>Lookup data for the booking app. None of these codes is an error code.</summary>
    public static class ReferenceData
    {
        public static readonly IReadOnlyList<Specialty> Specialties = new List<Specialty>
        {
            new Specialty { Code = "general_practice", Name = "General practice", DefaultMinutes = 10 },
            new Specialty { Code = "physiotherapy", Name = "Physiotherapy", DefaultMinutes = 30 },
            new Specialty { Code = "dermatology", Name = "Dermatology", DefaultMinutes = 20 },
            new Specialty { Code = "psychology", Name = "Psychology", DefaultMinutes = 50 },
        };

        public static readonly IReadOnlyList<object> ReminderLanguages = new List<object>
        {
            new { code = "en", name = "English" },
            new { code = "nl", name = "Nederlands" },
            new { code = "de", name = "Deutsch" },
            new { code = "tr", name = "Türkçe" },
            new { code = "ar", name = "العربية" },
        };

        /// <summary>ICD-10 codes the intake form offers as reasons for a visit.</summary>
        public static readonly IReadOnlyList<object> VisitReasons = new List<object>
        {
            new { code = "J06.9", label = "Upper respiratory infection" },
            new { code = "M54.5", label = "Low back pain" },
            new { code = "L20.9", label = "Atopic dermatitis" },
            new { code = "F41.1", label = "Generalized anxiety disorder" },
        };

        public static readonly IReadOnlyList<object> AttachmentTypes = new List<object>
        {
            new { type = "application/pdf", maxBytes = 10000000 },
            new { type = "image/jpeg", maxBytes = 8000000 },
            new { type = "image/heic", maxBytes = 8000000 },
        };
    }
}
