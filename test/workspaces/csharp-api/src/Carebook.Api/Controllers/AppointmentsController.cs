using System;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Carebook.Api.Data;
using Carebook.Api.Domain;
using Carebook.Api.ErrorHandling;
using Carebook.Api.Infrastructure;
using Carebook.Api.Integrations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Carebook.Api.Controllers
{
    public class BookAppointmentRequest
    {
        [Required]
        public Guid? PatientId { get; set; }

        [Required]
        public Guid? PractitionerId { get; set; }

        [Required]
        public DateTimeOffset? StartsAt { get; set; }

        [Range(10, 120)]
        public int Minutes { get; set; } = 20;

        public VisitKind Kind { get; set; } = VisitKind.InPerson;
    }

    [ApiController]
    [Route("api/appointments")]
    public class AppointmentsController : ControllerBase
    {
        public const int MaxOpenAppointments = 3;
        public static readonly TimeSpan CancellationNotice = TimeSpan.FromHours(24);

        private readonly ClinicStore _store;
        private readonly VideoVisitClient _video;

        public AppointmentsController(ClinicStore store, VideoVisitClient video)
        {
            _store = store;
            _video = video;
        }

        [HttpPost]
        [ProducesResponseType(typeof(Appointment), StatusCodes.Status201Created)]
        [ProducesResponseType(StatusCodes.Status404NotFound)]
        [ProducesResponseType(StatusCodes.Status409Conflict)]
        [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
        public async Task<ActionResult<Appointment>> Book(BookAppointmentRequest request, CancellationToken cancellationToken)
        {
            Guid clinicId = HttpContext.ClinicId();
            Patient patient;
            if (!_store.Patients.TryGetValue(request.PatientId.Value, out patient) || patient.ClinicId != clinicId)
            {
                throw new NotFoundException(ErrorCodes.Patients.NotFound, $"No patient has the id {request.PatientId}.");
            }
            if (patient.ArchivedAt != null)
            {
                throw new ApiException(Errors.PatientArchived);
            }
            Practitioner practitioner;
            if (!_store.Practitioners.TryGetValue(request.PractitionerId.Value, out practitioner) || practitioner.ClinicId != clinicId)
            {
                throw new ApiException(Errors.PractitionerNotFound, $"No practitioner has the id {request.PractitionerId}.");
            }

            DateTimeOffset startsAt = request.StartsAt.Value;
            TimeSpan duration = TimeSpan.FromMinutes(request.Minutes);
            CheckPractitioner(practitioner, patient, startsAt);
            CheckTime(practitioner, startsAt, duration);

            if (_store.BookedWith(practitioner.Id, startsAt.UtcDateTime).Any(a => a.Overlaps(startsAt, duration)))
            {
                throw new ConflictException(ErrorCodes.Appointments.SlotTaken, $"{practitioner.FullName} is booked at {startsAt:HH:mm}.");
            }
            var open = _store.OpenAppointmentsOf(patient.Id).ToList();
            if (open.Any(a => a.Overlaps(startsAt, duration)))
            {
                throw new ApiException(Errors.Overlaps, "The patient has another appointment at that time.");
            }
            if (open.Count >= MaxOpenAppointments)
            {
                throw new ApiException(Errors.OpenLimitReached, $"A patient can hold {MaxOpenAppointments} open appointments.")
                    .With("limit", MaxOpenAppointments);
            }

            var appointment = new Appointment
            {
                Id = Guid.NewGuid(),
                ClinicId = clinicId,
                PatientId = patient.Id,
                PractitionerId = practitioner.Id,
                StartsAt = startsAt,
                Duration = duration,
                Kind = request.Kind,
            };
            if (appointment.Kind == VisitKind.Video)
            {
                appointment.VideoRoomUrl = await _video.CreateRoomAsync(appointment.Id, startsAt, cancellationToken);
            }
            _store.Appointments[appointment.Id] = appointment;
            return CreatedAtAction(nameof(Get), new { id = appointment.Id }, appointment);
        }

        [HttpGet("{id:guid}")]
        [ProducesResponseType(typeof(Appointment), StatusCodes.Status200OK)]
        [ProducesResponseType(StatusCodes.Status404NotFound)]
        public ActionResult<Appointment> Get(Guid id)
        {
            Appointment appointment;
            if (!_store.Appointments.TryGetValue(id, out appointment) || appointment.ClinicId != HttpContext.ClinicId())
            {
                return NotFound(ProblemWriter.Problem(HttpContext, ErrorCodes.Appointments.NotFound, StatusCodes.Status404NotFound,
                    "Appointment not found", $"No appointment has the id {id}."));
            }
            return appointment;
        }

        [HttpPost("{id:guid}/cancel")]
        [ProducesResponseType(typeof(Appointment), StatusCodes.Status200OK)]
        [ProducesResponseType(409)]
        public IActionResult Cancel(Guid id)
        {
            Appointment appointment = Find(id);
            if (appointment.Status == AppointmentStatus.Cancelled)
            {
                throw new ConflictException(ErrorCodes.Appointments.AlreadyCancelled);
            }
            if (appointment.StartsAt - DateTimeOffset.UtcNow < CancellationNotice)
            {
                // The booking app shows this one with a "call the clinic" button, so it says when the window closed.
                return StatusCode(StatusCodes.Status409Conflict, new
                {
                    type = ProblemWriter.DocsBase + "appointment.too_late_to_cancel",
                    title = "Too late to cancel",
                    status = 409,
                    detail = "Appointments can be cancelled up to 24 hours before they start; call the clinic instead.",
                    instance = HttpContext.Request.Path.Value,
                    code = "appointment.too_late_to_cancel",
                    traceId = HttpContext.TraceIdentifier,
                    windowClosedAt = appointment.StartsAt - CancellationNotice,
                });
            }
            appointment.Status = AppointmentStatus.Cancelled;
            return Ok(appointment);
        }

        [HttpPost("{id:guid}/check-in")]
        public ActionResult<Appointment> CheckIn(Guid id)
        {
            Appointment appointment = Find(id);
            switch (appointment.Status)
            {
                case AppointmentStatus.Booked:
                    appointment.Status = AppointmentStatus.CheckedIn;
                    return appointment;
                case AppointmentStatus.CheckedIn:
                    return appointment;
                case AppointmentStatus.Cancelled:
                    throw new ConflictException(ErrorCodes.Appointments.AlreadyCancelled, "A cancelled appointment cannot be checked in.");
                default:
                    throw new ApiException(Errors.InThePast, "The appointment is over.");
            }
        }

        private Appointment Find(Guid id)
        {
            Appointment appointment;
            if (!_store.Appointments.TryGetValue(id, out appointment) || appointment.ClinicId != HttpContext.ClinicId())
            {
                throw new ApiException(Errors.AppointmentNotFound, $"No appointment has the id {id}.");
            }
            return appointment;
        }

        private void CheckPractitioner(Practitioner practitioner, Patient patient, DateTimeOffset startsAt)
        {
            if (practitioner.LicenseValidUntil < startsAt.UtcDateTime)
            {
                throw new UnprocessableException(ErrorCodes.Practitioners.LicenseExpired,
                    $"{practitioner.FullName}'s license is valid until {practitioner.LicenseValidUntil:yyyy-MM-dd}.");
            }
            bool knownPatient = _store.Appointments.Values.Any(a => a.PatientId == patient.Id && a.PractitionerId == practitioner.Id);
            if (!knownPatient && !practitioner.AcceptingNewPatients)
            {
                throw new ApiException(Errors.NotAcceptingPatients, $"{practitioner.FullName} is not taking new patients.");
            }
        }

        private static void CheckTime(Practitioner practitioner, DateTimeOffset startsAt, TimeSpan duration)
        {
            if (startsAt < DateTimeOffset.UtcNow)
            {
                throw new UnprocessableException(ErrorCodes.Appointments.InThePast, "The start time is in the past.")
                    .With("errors", new { startsAt = new[] { "must be in the future" } });
            }
            TimeSpan start = startsAt.UtcDateTime.TimeOfDay;
            if (!practitioner.WorkingDays.Contains(startsAt.UtcDateTime.DayOfWeek) || start < practitioner.OpensAt || start + duration > practitioner.ClosesAt)
            {
                throw new ApiException(Errors.OutsideOpeningHours, $"{practitioner.FullName} sees patients from {practitioner.OpensAt:hh\\:mm} to {practitioner.ClosesAt:hh\\:mm}, Monday to Friday.");
            }
        }
    }
}
