using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Carebook.Api.Domain;
using Carebook.Api.ErrorHandling;
using Newtonsoft.Json;
using Xunit;

namespace Carebook.Api.Tests
{
    public class AppointmentsApiTests : IClassFixture<CarebookApiFactory>
    {
        private readonly CarebookApiFactory _factory;
        private readonly HttpClient _client;

        public AppointmentsApiTests(CarebookApiFactory factory)
        {
            _factory = factory;
            _client = factory.ClientFor(CarebookApiFactory.KeyA);
        }

        private Task<HttpResponseMessage> BookAsync(DateTimeOffset startsAt, Guid? patientId = null)
        {
            var body = new { patientId = patientId ?? CarebookApiFactory.PatientId, practitionerId = CarebookApiFactory.PractitionerId, startsAt };
            return _client.PostAsync("/api/appointments", new StringContent(JsonConvert.SerializeObject(body), Encoding.UTF8, "application/json"));
        }

        /// <summary>An appointment put straight into the store, for states the API cannot reach quickly.</summary>
        private Appointment Seed(DateTimeOffset startsAt, AppointmentStatus status)
        {
            var appointment = new Appointment
            {
                Id = Guid.NewGuid(),
                ClinicId = CarebookApiFactory.ClinicA,
                PatientId = CarebookApiFactory.PatientId,
                PractitionerId = CarebookApiFactory.PractitionerId,
                StartsAt = startsAt,
                Status = status,
            };
            _factory.Store.Appointments[appointment.Id] = appointment;
            return appointment;
        }

        [Fact]
        public async Task Booking_for_an_unknown_patient_is_not_found()
        {
            HttpResponseMessage response = await BookAsync(CarebookApiFactory.NextWeekdayAt(9), Guid.NewGuid());

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Problem problem = await Problem.ReadAsync(response);
            Assert.Equal("patient.not_found", problem.Code);
            Assert.Equal("https://docs.carebook.example/errors/patient.not_found", problem.Type);
        }

        [Fact]
        public async Task A_taken_slot_is_a_conflict()
        {
            DateTimeOffset startsAt = CarebookApiFactory.NextWeekdayAt(10);
            Assert.Equal(HttpStatusCode.Created, (await BookAsync(startsAt)).StatusCode);

            HttpResponseMessage response = await BookAsync(startsAt);

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("appointment.slot_taken", (await Problem.ReadAsync(response)).Code);
        }

        [Fact]
        public async Task A_start_in_the_past_is_unprocessable()
        {
            HttpResponseMessage response = await BookAsync(DateTimeOffset.UtcNow.AddDays(-1));

            Assert.Equal(422, (int)response.StatusCode);
            Problem problem = await Problem.ReadAsync(response);
            Assert.Equal(ErrorCodes.Appointments.InThePast, problem.Code);
            Assert.NotNull(problem.Errors["startsAt"]);
        }

        [Fact]
        public async Task Evenings_are_outside_opening_hours()
        {
            HttpResponseMessage response = await BookAsync(CarebookApiFactory.NextWeekdayAt(20));

            Assert.Equal((HttpStatusCode)422, response.StatusCode);
            Assert.Equal("appointment.outside_hours", (await Problem.ReadAsync(response)).Code);
        }

        [Fact]
        public async Task An_unknown_appointment_is_not_found()
        {
            HttpResponseMessage response = await _client.GetAsync("/api/appointments/" + Guid.NewGuid());

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("appointment.not_found", (await Problem.ReadAsync(response)).Code);
        }

        [Fact]
        public async Task Cancelling_twice_is_a_conflict()
        {
            Appointment appointment = Seed(DateTimeOffset.UtcNow.AddDays(5), AppointmentStatus.Cancelled);

            HttpResponseMessage response = await _client.PostAsync($"/api/appointments/{appointment.Id}/cancel", null);

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("appointment.already_cancelled", (await Problem.ReadAsync(response)).Code);
        }

        [Fact]
        public async Task Cancelling_within_a_day_is_refused_with_the_window()
        {
            Appointment appointment = Seed(DateTimeOffset.UtcNow.AddHours(3), AppointmentStatus.Booked);

            HttpResponseMessage response = await _client.PostAsync($"/api/appointments/{appointment.Id}/cancel", null);

            Assert.Equal(409, (int)response.StatusCode);
            Problem problem = await Problem.ReadAsync(response);
            Assert.Equal("appointment.too_late_to_cancel", problem.Code);
            Assert.True(problem.Extensions.ContainsKey("windowClosedAt"));
        }

        [Fact]
        public async Task Requests_without_a_key_are_unauthenticated()
        {
            HttpResponseMessage response = await _factory.ClientFor(null).GetAsync("/api/appointments/" + Guid.NewGuid());

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("auth.unauthenticated", (await Problem.ReadAsync(response)).Code);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString().Split(' ')[0]);
        }
    }
}
