using System;
using System.Collections.Generic;
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
    [ApiController]
    [Route("api/practitioners")]
    public class PractitionersController : ControllerBase
    {
        private readonly ClinicStore _store;
        private readonly InsuranceEligibilityClient _insurance;

        public PractitionersController(ClinicStore store, InsuranceEligibilityClient insurance)
        {
            _store = store;
            _insurance = insurance;
        }

        [HttpGet("{id:guid}")]
        [ProducesResponseType(typeof(Practitioner), StatusCodes.Status200OK)]
        [ProducesResponseType(StatusCodes.Status404NotFound)]
        public ActionResult<Practitioner> Get(Guid id)
        {
            return FindPractitioner(id);
        }

        /// <summary>The free slots of one day, for the booking calendar.</summary>
        [HttpGet("{id:guid}/slots")]
        public ActionResult<IEnumerable<DateTimeOffset>> FreeSlots(Guid id, [FromQuery] DateTime date, [FromQuery] int minutes = 20)
        {
            Practitioner practitioner = FindPractitioner(id);
            if (date.Date < DateTime.UtcNow.Date)
            {
                throw new BadRequestException(ErrorCodes.Requests.ValidationFailed, "Slots can only be listed from today on.")
                    .With("errors", new Dictionary<string, string[]> { ["date"] = new[] { "must not be in the past" } });
            }
            if (!practitioner.WorkingDays.Contains(date.DayOfWeek))
            {
                return Ok(Enumerable.Empty<DateTimeOffset>());
            }

            var booked = _store.BookedWith(id, date).ToList();
            var slots = new List<DateTimeOffset>();
            for (TimeSpan start = practitioner.OpensAt; start + TimeSpan.FromMinutes(minutes) <= practitioner.ClosesAt; start += TimeSpan.FromMinutes(minutes))
            {
                var startsAt = new DateTimeOffset(date.Date + start, TimeSpan.Zero);
                if (!booked.Any(a => a.Overlaps(startsAt, TimeSpan.FromMinutes(minutes))))
                {
                    slots.Add(startsAt);
                }
            }
            return slots;
        }

        /// <summary>Whether the patient's insurer covers a visit to this practitioner.</summary>
        [HttpGet("{id:guid}/coverage")]
        [ProducesResponseType(StatusCodes.Status502BadGateway)]
        [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
        public async Task<IActionResult> CheckCoverage(Guid id, [FromQuery] Guid patientId, CancellationToken cancellationToken)
        {
            Practitioner practitioner = FindPractitioner(id);
            Patient patient;
            if (!_store.Patients.TryGetValue(patientId, out patient) || patient.ClinicId != HttpContext.ClinicId())
            {
                throw new NotFoundException(ErrorCodes.Patients.NotFound, $"No patient has the id {patientId}.");
            }
            Coverage coverage = await _insurance.CheckAsync(patient.NationalId, practitioner.Specialty, cancellationToken);
            return Ok(new { practitionerId = id, patientId, coverage = coverage.ToString() });
        }

        private Practitioner FindPractitioner(Guid id)
        {
            Practitioner practitioner;
            if (!_store.Practitioners.TryGetValue(id, out practitioner) || practitioner.ClinicId != HttpContext.ClinicId())
            {
                throw new ApiException(Errors.PractitionerNotFound, $"No practitioner has the id {id}.");
            }
            return practitioner;
        }
    }
}
