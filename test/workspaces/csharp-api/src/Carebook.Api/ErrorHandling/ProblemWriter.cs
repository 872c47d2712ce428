using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Carebook.Api.ErrorHandling
{
    /// <summary>
    /// Writes the one error body the API has: an RFC 9457 problem whose <c>type</c> is the code's
    /// documentation page, with the code and the trace id as extension members.
    /// </summary>
    public static class ProblemWriter
    {
        public const string DocsBase = "https://docs.carebook.example/errors/";
        public const string ContentType = "application/problem+json";

        private static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            ContractResolver = new CamelCasePropertyNamesContractResolver(),
            NullValueHandling = NullValueHandling.Ignore,
        };

        public static IDictionary<string, object> Problem(HttpContext context, string code, int status, string title, string detail)
        {
            return new Dictionary<string, object>
            {
                ["type"] = DocsBase + code,
                ["title"] = title,
                ["status"] = status,
                ["detail"] = detail,
                ["instance"] = context.Request.Path.Value,
                ["code"] = code,
                ["traceId"] = context.TraceIdentifier,
            };
        }

        public static Task WriteAsync(HttpContext context, ApiException exception)
        {
            IDictionary<string, object> problem = Problem(context, exception.Code, exception.Status, exception.Title, exception.Detail);
            foreach (KeyValuePair<string, object> extension in exception.Extensions)
            {
                problem[extension.Key] = extension.Value;
            }
            foreach (KeyValuePair<string, string> header in exception.Headers)
            {
                context.Response.Headers[header.Key] = header.Value;
            }
            return WriteAsync(context, exception.Status, problem);
        }

        public static Task WriteAsync(HttpContext context, int status, IDictionary<string, object> problem)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = ContentType;
            return context.Response.WriteAsync(JsonConvert.SerializeObject(problem, Settings));
        }
    }
}
