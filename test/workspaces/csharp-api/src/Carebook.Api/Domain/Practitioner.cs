using System;
using System.Collections.Generic;

namespace Carebook.Api.Domain
{
    public class Practitioner
    {
        public Guid Id { get; set; }

        public Guid ClinicId { get; set; }

        public string FullName { get; set; }

        /// <summary>A code from <see cref="Carebook.Api.Reference.Specialties"/>.</summary>
        public string Specialty { get; set; }

        public bool AcceptingNewPatients { get; set; } = true;

        public DateTime LicenseValidUntil { get; set; }

        public TimeSpan OpensAt { get; set; } = new TimeSpan(8, 0, 0);

        public TimeSpan ClosesAt { get; set; } = new TimeSpan(17, 0, 0);

        public ISet<DayOfWeek> WorkingDays { get; set; } = new HashSet<DayOfWeek>
        {
            DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
        };
    }
}
