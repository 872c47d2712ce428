using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Carebook.Api.ErrorHandling;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Carebook.Api.Integrations
{
    /// <summary>Opens video rooms for video visits at the video provider.</summary>
    public class VideoVisitClient
    {
        private readonly HttpClient _http;

        public VideoVisitClient(HttpClient http)
        {
            _http = http;
        }

        public async Task<string> CreateRoomAsync(Guid appointmentId, DateTimeOffset startsAt, CancellationToken cancellationToken)
        {
            var request = new { externalId = appointmentId.ToString("N"), notBefore = startsAt.AddMinutes(-10), type = "one_to_one" };
            var content = new StringContent(JsonConvert.SerializeObject(request), Encoding.UTF8, "application/json");
            HttpResponseMessage response;
            try
            {
                response = await _http.PostAsync("rooms", content, cancellationToken);
            }
            catch (HttpRequestException)
            {
                throw new ServiceUnavailableException(ErrorCodes.Integrations.VideoUnavailable, TimeSpan.FromSeconds(30));
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ServiceUnavailableException(ErrorCodes.Integrations.VideoUnavailable, TimeSpan.FromSeconds(30), "The video provider did not answer in time.");
            }

            if ((int)response.StatusCode >= 500 || response.StatusCode == (System.Net.HttpStatusCode)429)
            {
                throw new ServiceUnavailableException(ErrorCodes.Integrations.VideoUnavailable, TimeSpan.FromSeconds(30));
            }
            response.EnsureSuccessStatusCode();
            JObject room = JObject.Parse(await response.Content.ReadAsStringAsync());
            return (string)room["joinUrl"];
        }
    }
}
