using System;

namespace Carebook.Api.Domain
{
    public class Patient
    {
        public Guid Id { get; set; }

        public Guid ClinicId { get; set; }

        public string FullName { get; set; }

        public string Email { get; set; }

        public DateTime DateOfBirth { get; set; }

        /// <summary>BSN, NHS number or similar; unique per clinic.</summary>
        public string NationalId { get; set; }

        /// <summary>IETF language tag the reminders are sent in.</summary>
        public string PreferredLanguage { get; set; } = "en";

        public bool ConsentToShareRecords { get; set; }

        public DateTimeOffset? ArchivedAt { get; set; }
    }
}
