using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Carebook.Api.ErrorHandling;
using Newtonsoft.Json.Linq;

namespace Carebook.Api.Integrations
{
    public enum Coverage
    {
        Covered,
        NotCovered,
        NeedsReferral,
    }

    /// <summary>Asks the patient's insurer whether a visit is covered before it is booked.</summary>
    public class InsuranceEligibilityClient
    {
        private readonly HttpClient _http;

        public InsuranceEligibilityClient(HttpClient http)
        {
            _http = http;
        }

        public async Task<Coverage> CheckAsync(string nationalId, string specialty, CancellationToken cancellationToken)
        {
            HttpResponseMessage response;
            try
            {
                response = await _http.GetAsync($"eligibility?member={Uri.EscapeDataString(nationalId)}&specialty={specialty}", cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                throw new ApiException(Errors.InsuranceCheckFailed, "The insurer could not be reached: " + exception.Message);
            }

            switch ((int)response.StatusCode)
            {
                case 200:
                    return Coverage.Covered;
                case 404:
                case 422:
                    string insurerCode = await ReadErrorCodeAsync(response);
                    if (insurerCode == InsurerErrorCodes.ReferralRequired)
                    {
                        return Coverage.NeedsReferral;
                    }
                    if (insurerCode == InsurerErrorCodes.MemberNotFound || insurerCode == InsurerErrorCodes.PolicyExpired || insurerCode == InsurerErrorCodes.CoverageExcluded)
                    {
                        return Coverage.NotCovered;
                    }
                    throw new ApiException(Errors.InsuranceCheckFailed, "The insurer answered " + insurerCode);
                case 429:
                case 503:
                    throw new ServiceUnavailableException(ErrorCodes.Service.Unavailable, TimeSpan.FromSeconds(60), "The insurer is not answering eligibility checks right now.");
                default:
                    throw new ApiException(Errors.InsuranceCheckFailed, $"The insurer answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }

        private static async Task<string> ReadErrorCodeAsync(HttpResponseMessage response)
        {
            string body = await response.Content.ReadAsStringAsync();
            try
            {
                return (string)JObject.Parse(body)["errorCode"] ?? "UNKNOWN";
            }
            catch (Newtonsoft.Json.JsonReaderException)
            {
                return response.StatusCode == HttpStatusCode.NotFound ? InsurerErrorCodes.MemberNotFound : "UNKNOWN";
            }
        }
    }
}
