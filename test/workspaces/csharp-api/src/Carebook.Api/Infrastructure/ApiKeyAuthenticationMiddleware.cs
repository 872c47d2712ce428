using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Carebook.Api.ErrorHandling;
using Microsoft.AspNetCore.Http;

namespace Carebook.Api.Infrastructure
{
    /// <summary>Maps <c>Authorization: Bearer cbk_...</c> to the clinic the key was issued to.</summary>
    public class ApiKeyAuthenticationMiddleware
    {
        public const string ClinicItem = "Carebook.ClinicId";

        private readonly RequestDelegate _next;
        private readonly ApiKeyStore _apiKeys;

        public ApiKeyAuthenticationMiddleware(RequestDelegate next, ApiKeyStore apiKeys)
        {
            _next = next;
            _apiKeys = apiKeys;
        }

        public Task Invoke(HttpContext context)
        {
            if (context.Request.Path.StartsWithSegments("/webhooks") || context.Request.Path.StartsWithSegments("/health"))
            {
                return _next(context);
            }
            string header = context.Request.Headers["Authorization"].ToString();
            Guid clinicId;
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_apiKeys.TryGetClinic(header.Substring(7).Trim(), out clinicId))
            {
                var exception = new ApiException(Errors.Unauthenticated, "Send an API key as `Authorization: Bearer cbk_...`.");
                exception.Headers["WWW-Authenticate"] = "Bearer realm=\"carebook\"";
                throw exception;
            }
            context.Items[ClinicItem] = clinicId;
            return _next(context);
        }
    }

    public class ApiKeyStore
    {
        private readonly Dictionary<string, Guid> _clinicByKey = new Dictionary<string, Guid>();

        public void Register(string key, Guid clinicId)
        {
            _clinicByKey[key] = clinicId;
        }

        public bool TryGetClinic(string key, out Guid clinicId)
        {
            return _clinicByKey.TryGetValue(key, out clinicId);
        }
    }

    public static class HttpContextExtensions
    {
        public static Guid ClinicId(this HttpContext context)
        {
            return (Guid)context.Items[ApiKeyAuthenticationMiddleware.ClinicItem];
        }
    }
}
