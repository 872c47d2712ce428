using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Carebook.Api;
using Carebook.Api.Data;
using Carebook.Api.Domain;
using Carebook.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Carebook.Api.Tests
{
    /// <summary>The API in memory with two clinics, a practitioner and a patient in the first.</summary>
    public class CarebookApiFactory : WebApplicationFactory<Startup>
    {
        public static readonly Guid ClinicA = Guid.Parse("0f3f8a0e-5a1b-4c7e-9d38-8f1c2a6b7d01");
        public static readonly Guid ClinicB = Guid.Parse("6c2d9e4b-1f7a-4b3c-8e5d-2a9f0c1b3e02");
        public static readonly Guid PractitionerId = Guid.Parse("a1b2c3d4-0000-4000-8000-000000000001");
        public static readonly Guid PatientId = Guid.Parse("a1b2c3d4-0000-4000-8000-000000000002");

        public const string KeyA = "cbk_test_clinic_a";
        public const string KeyB = "cbk_test_clinic_b";

        public ClinicStore Store => Services.GetRequiredService<ClinicStore>();

        public HttpClient ClientFor(string apiKey)
        {
            ApiKeyStore keys = Services.GetRequiredService<ApiKeyStore>();
            keys.Register(KeyA, ClinicA);
            keys.Register(KeyB, ClinicB);
            Store.Practitioners[PractitionerId] = new Practitioner
            {
                Id = PractitionerId,
                ClinicId = ClinicA,
                FullName = "Dr. Saskia Visser",
                Specialty = "general_practice",
                LicenseValidUntil = DateTime.UtcNow.AddYears(2),
            };
            Store.Patients[PatientId] = new Patient
            {
                Id = PatientId,
                ClinicId = ClinicA,
                FullName = "Mehmet Yilmaz",
                Email = "mehmet@example.com",
                DateOfBirth = new DateTime(1984, 3, 14),
                NationalId = "123456782",
            };
            HttpClient client = CreateClient();
            if (apiKey != null)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            }
            return client;
        }

        /// <summary>The next weekday at the given hour (UTC), at least two days ahead.</summary>
        public static DateTimeOffset NextWeekdayAt(int hour)
        {
            DateTime day = DateTime.UtcNow.Date.AddDays(2);
            while (day.DayOfWeek == DayOfWeek.Saturday || day.DayOfWeek == DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }
            return new DateTimeOffset(day.AddHours(hour), TimeSpan.Zero);
        }
    }

    /// <summary>The problem members the tests read.</summary>
    public class Problem
    {
        public string Type { get; set; }
        public string Title { get; set; }
        public int Status { get; set; }
        public string Detail { get; set; }
        public string Code { get; set; }
        public string TraceId { get; set; }
        public JObject Errors { get; set; }

        [JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, JToken> Extensions { get; set; }

        public static async Task<Problem> ReadAsync(HttpResponseMessage response)
        {
            Xunit.Assert.Equal("application/problem+json", response.Content.Headers.ContentType.MediaType);
            return JsonConvert.DeserializeObject<Problem>(await response.Content.ReadAsStringAsync());
        }
    }
}
