using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Carebook.Api.ErrorHandling;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Xunit;

namespace Carebook.Api.Tests
{
    public class PatientsApiTests : IClassFixture<CarebookApiFactory>
    {
        private readonly CarebookApiFactory _factory;
        private readonly HttpClient _client;

        public PatientsApiTests(CarebookApiFactory factory)
        {
            _factory = factory;
            _client = factory.ClientFor(CarebookApiFactory.KeyA);
        }

        private static StringContent Json(object body)
        {
            return new StringContent(JsonConvert.SerializeObject(body), Encoding.UTF8, "application/json");
        }

        [Fact]
        public async Task Registering_the_same_national_id_twice_is_a_conflict()
        {
            var body = new { fullName = "Mehmet Y.", email = "m.y@example.com", dateOfBirth = "1984-03-14", nationalId = "123456782" };

            HttpResponseMessage response = await _client.PostAsync("/api/patients", Json(body));

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Problem problem = await Problem.ReadAsync(response);
            Assert.Equal("patient.duplicate", problem.Code);
            Assert.Equal(CarebookApiFactory.PatientId.ToString(), (string)problem.Extensions["existingPatientId"]);
        }

        [Fact]
        public async Task Invalid_fields_are_listed_under_errors()
        {
            var body = new { fullName = "", email = "not-an-email", dateOfBirth = "1990-01-01", nationalId = "12" };

            HttpResponseMessage response = await _client.PostAsync("/api/patients", Json(body));

            Assert.Equal(StatusCodes.Status400BadRequest, (int)response.StatusCode);
            Problem problem = await Problem.ReadAsync(response);
            Assert.Equal("validation.failed", problem.Code);
            Assert.NotNull(problem.Errors["email"]);
            Assert.NotNull(problem.Errors["nationalId"]);
        }

        [Fact]
        public async Task Sharing_records_needs_consent()
        {
            HttpResponseMessage response = await _client.GetAsync($"/api/patients/{CarebookApiFactory.PatientId}/records/summary");

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(ErrorCodes.Patients.ConsentMissing, (await Problem.ReadAsync(response)).Code);
        }

        [Fact]
        public async Task Another_clinics_patient_is_forbidden()
        {
            HttpResponseMessage response = await _factory.ClientFor(CarebookApiFactory.KeyB).GetAsync($"/api/patients/{CarebookApiFactory.PatientId}/records/summary");

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("auth.clinic_mismatch", (await Problem.ReadAsync(response)).Code);
        }

        [Fact]
        public async Task An_archived_patient_is_gone()
        {
            Guid id = Guid.NewGuid();
            _factory.Store.Patients[id] = new Domain.Patient { Id = id, ClinicId = CarebookApiFactory.ClinicA, FullName = "Old Record", ArchivedAt = DateTimeOffset.UtcNow.AddDays(-30) };

            HttpResponseMessage response = await _client.PutAsync($"/api/patients/{id}/consent", Json(new { shareRecords = true }));

            Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
            Assert.Equal("patient.archived", (await Problem.ReadAsync(response)).Code);
        }
    }
}
