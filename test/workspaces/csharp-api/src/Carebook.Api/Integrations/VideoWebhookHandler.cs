using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Carebook.Api.Data;
using Carebook.Api.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Carebook.Api.Integrations
{
    /// <summary>
    /// POST /webhooks/video: the video provider reports room events (<c>room.started</c>,
    /// <c>room.ended</c>, <c>participant.joined</c>). Mapped as a plain endpoint, outside MVC, so it
    /// writes its one refusal itself.
    /// </summary>
    public static class VideoWebhookHandler
    {
        public static async Task HandleAsync(HttpContext context)
        {
            string payload;
            using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
            {
                payload = await reader.ReadToEndAsync();
            }

            string secret = context.RequestServices.GetRequiredService<IConfiguration>()["VideoProvider:WebhookSecret"];
            if (!SignatureMatches(payload, context.Request.Headers["X-Video-Signature"], secret))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.ContentType = "application/problem+json";
                await context.Response.WriteAsync(JsonConvert.SerializeObject(new
                {
                    type = "https://docs.carebook.example/errors/webhook.signature_invalid",
                    title = "Webhook signature invalid",
                    status = 401,
                    detail = "X-Video-Signature does not match the payload.",
                    code = "webhook.signature_invalid",
                    traceId = context.TraceIdentifier,
                }));
                return;
            }

            JObject evt = JObject.Parse(payload);
            string eventType = (string)evt["type"];
            Guid appointmentId;
            if (eventType == "room.ended" && Guid.TryParse((string)evt["data"]["externalId"], out appointmentId))
            {
                var store = context.RequestServices.GetRequiredService<ClinicStore>();
                Appointment appointment;
                if (store.Appointments.TryGetValue(appointmentId, out appointment) && appointment.Status == AppointmentStatus.CheckedIn)
                {
                    appointment.Status = AppointmentStatus.Completed;
                }
            }
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }

        private static bool SignatureMatches(string payload, string signature, string secret)
        {
            if (string.IsNullOrEmpty(signature))
            {
                return false;
            }
            using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret)))
            {
                string expected = string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(payload)).Select(b => b.ToString("x2")));
                return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
            }
        }
    }
}
