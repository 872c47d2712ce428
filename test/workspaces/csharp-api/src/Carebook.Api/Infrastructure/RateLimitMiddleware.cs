using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json;

namespace Carebook.Api.Infrastructure
{
    /// <summary>
    /// A one-minute sliding window per API key. It answers before authentication and MVC, so it
    /// writes its problem itself rather than throwing.
    /// </summary>
    public class RateLimitMiddleware
    {
        private readonly RequestDelegate _next;
        private readonly int _permitsPerMinute;
        private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _windows = new ConcurrentDictionary<string, Queue<DateTimeOffset>>();

        public RateLimitMiddleware(RequestDelegate next, IConfiguration configuration)
        {
            _next = next;
            _permitsPerMinute = configuration.GetValue("RateLimiting:PermitsPerMinute", 240);
        }

        public async Task Invoke(HttpContext context)
        {
            string key = context.Request.Headers["Authorization"].ToString();
            if (string.IsNullOrEmpty(key))
            {
                key = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            }
            DateTimeOffset now = DateTimeOffset.UtcNow;
            Queue<DateTimeOffset> window = _windows.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            int retryAfter = 0;
            lock (window)
            {
                while (window.Count > 0 && now - window.Peek() > TimeSpan.FromMinutes(1))
                {
                    window.Dequeue();
                }
                if (window.Count >= _permitsPerMinute)
                {
                    retryAfter = Math.Max(1, 60 - (int)(now - window.Peek()).TotalSeconds);
                }
                else
                {
                    window.Enqueue(now);
                }
            }

            if (retryAfter == 0)
            {
                await _next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.ContentType = "application/problem+json";
            context.Response.Headers["Retry-After"] = retryAfter.ToString();
            var problem = new
            {
                type = "https://docs.carebook.example/errors/rate_limit.exceeded",
                title = "Too many requests",
                status = 429,
                detail = $"More than {_permitsPerMinute} requests in a minute.",
                instance = context.Request.Path.Value,
                code = "rate_limit.exceeded",
                traceId = context.TraceIdentifier,
                retryAfter = retryAfter,
            };
            await context.Response.WriteAsync(JsonConvert.SerializeObject(problem));
        }
    }
}
