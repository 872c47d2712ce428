using System;

namespace Carebook.Api.Domain
{
    public enum AppointmentStatus
    {
        Booked,
        CheckedIn,
        Completed,
        Cancelled,
        NoShow,
    }

    public enum VisitKind
    {
        InPerson,
        Video,
        Phone,
    }

    public class Appointment
    {
        public Guid Id { get; set; }

        public Guid ClinicId { get; set; }

        public Guid PatientId { get; set; }

        public Guid PractitionerId { get; set; }

        public DateTimeOffset StartsAt { get; set; }

        public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(20);

        public DateTimeOffset EndsAt => StartsAt + Duration;

        public VisitKind Kind { get; set; }

        public AppointmentStatus Status { get; set; } = AppointmentStatus.Booked;

        public string VideoRoomUrl { get; set; }

        public bool Overlaps(DateTimeOffset startsAt, TimeSpan duration)
        {
            return startsAt < EndsAt && StartsAt < startsAt + duration;
        }
    }
}
