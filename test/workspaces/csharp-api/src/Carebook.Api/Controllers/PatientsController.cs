using System;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using Carebook.Api.Data;
using Carebook.Api.Domain;
using Carebook.Api.ErrorHandling;
using Carebook.Api.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Carebook.Api.Controllers
{
    public class RegisterPatientRequest
    {
        [Required, StringLength(200)]
        public string FullName { get; set; }

        [Required, EmailAddress]
        public string Email { get; set; }

        [Required]
        public DateTime? DateOfBirth { get; set; }

        [Required, StringLength(20, MinimumLength = 6)]
        public string NationalId { get; set; }

        [RegularExpression("^[a-z]{2}(-[A-Z]{2})?$")]
        public string PreferredLanguage { get; set; }
    }

    public class ConsentRequest
    {
        public bool ShareRecords { get; set; }
    }

    [ApiController]
    [Route("api/patients")]
    public class PatientsController : ControllerBase
    {
        private readonly ClinicStore _store;

        public PatientsController(ClinicStore store)
        {
            _store = store;
        }

        [HttpPost]
        [ProducesResponseType(typeof(Patient), StatusCodes.Status201Created)]
        [ProducesResponseType(StatusCodes.Status400BadRequest)]
        [ProducesResponseType(StatusCodes.Status409Conflict)]
        public ActionResult<Patient> Register(RegisterPatientRequest request)
        {
            Guid clinicId = HttpContext.ClinicId();
            Patient existing = _store.FindPatientByNationalId(clinicId, request.NationalId);
            if (existing != null)
            {
                throw new ConflictException(ErrorCodes.Patients.Duplicate, "A patient with this national id is already registered.")
                    .With("existingPatientId", existing.Id);
            }

            var patient = new Patient
            {
                Id = Guid.NewGuid(),
                ClinicId = clinicId,
                FullName = request.FullName,
                Email = request.Email,
                DateOfBirth = request.DateOfBirth.Value,
                NationalId = request.NationalId,
                PreferredLanguage = request.PreferredLanguage ?? "en",
            };
            _store.Patients[patient.Id] = patient;
            return CreatedAtAction(nameof(Get), new { id = patient.Id }, patient);
        }

        [HttpGet("{id:guid}")]
        [ProducesResponseType(typeof(Patient), StatusCodes.Status200OK)]
        [ProducesResponseType(StatusCodes.Status404NotFound)]
        public ActionResult<Patient> Get(Guid id)
        {
            return FindPatient(id, allowArchived: true);
        }

        [HttpPut("{id:guid}/consent")]
        public ActionResult<Patient> UpdateConsent(Guid id, ConsentRequest request)
        {
            Patient patient = FindPatient(id);
            patient.ConsentToShareRecords = request.ShareRecords;
            return patient;
        }

        /// <summary>A summary of the patient's visits for another care provider.</summary>
        [HttpGet("{id:guid}/records/summary")]
        [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
        public IActionResult RecordsSummary(Guid id)
        {
            Patient patient = FindPatient(id);
            if (!patient.ConsentToShareRecords)
            {
                throw new ApiException(Errors.ConsentMissing, "The patient has not consented to sharing their records.");
            }
            var visits = _store.Appointments.Values
                .Where(a => a.PatientId == id && a.Status == AppointmentStatus.Completed)
                .OrderBy(a => a.StartsAt)
                .Select(a => new { a.StartsAt, a.PractitionerId, kind = a.Kind.ToString() });
            return Ok(new { patientId = id, visits });
        }

        [HttpDelete("{id:guid}")]
        [ProducesResponseType(StatusCodes.Status204NoContent)]
        public IActionResult Archive(Guid id)
        {
            Patient patient = FindPatient(id, allowArchived: true);
            if (patient.ArchivedAt == null)
            {
                patient.ArchivedAt = DateTimeOffset.UtcNow;
                foreach (Appointment appointment in _store.OpenAppointmentsOf(id))
                {
                    appointment.Status = AppointmentStatus.Cancelled;
                }
            }
            return NoContent();
        }

        private Patient FindPatient(Guid id, bool allowArchived = false)
        {
            Patient patient;
            if (!_store.Patients.TryGetValue(id, out patient))
            {
                throw new NotFoundException(ErrorCodes.Patients.NotFound, $"No patient has the id {id}.");
            }
            if (patient.ClinicId != HttpContext.ClinicId())
            {
                throw new ApiException(Errors.OtherClinic);
            }
            if (patient.ArchivedAt != null && !allowArchived)
            {
                throw new ApiException(Errors.PatientArchived, $"The patient was archived on {patient.ArchivedAt:yyyy-MM-dd}.");
            }
            return patient;
        }
    }
}
