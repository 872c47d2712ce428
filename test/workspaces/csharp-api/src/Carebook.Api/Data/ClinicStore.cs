using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Carebook.Api.Domain;

namespace Carebook.Api.Data
{
    /// <summary>In-memory storage; the SQL repositories behind it in production have the same members.</summary>
    public class ClinicStore
    {
        public ConcurrentDictionary<Guid, Patient> Patients { get; } = new ConcurrentDictionary<Guid, Patient>();

        public ConcurrentDictionary<Guid, Practitioner> Practitioners { get; } = new ConcurrentDictionary<Guid, Practitioner>();

        public ConcurrentDictionary<Guid, Appointment> Appointments { get; } = new ConcurrentDictionary<Guid, Appointment>();

        public Patient FindPatientByNationalId(Guid clinicId, string nationalId)
        {
            return Patients.Values.FirstOrDefault(p => p.ClinicId == clinicId && p.NationalId == nationalId);
        }

        public IEnumerable<Appointment> OpenAppointmentsOf(Guid patientId)
        {
            return Appointments.Values.Where(a => a.PatientId == patientId && a.Status == AppointmentStatus.Booked);
        }

        public IEnumerable<Appointment> BookedWith(Guid practitionerId, DateTime day)
        {
            return Appointments.Values.Where(a =>
                a.PractitionerId == practitionerId && a.Status != AppointmentStatus.Cancelled && a.StartsAt.Date == day.Date);
        }
    }
}
