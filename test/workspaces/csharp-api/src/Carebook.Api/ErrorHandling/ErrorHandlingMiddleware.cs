using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace Carebook.Api.ErrorHandling
{
    /// <summary>Turns every exception that leaves a controller into a problem response.</summary>
    public class ErrorHandlingMiddleware
    {
        private readonly RequestDelegate _next;
        private readonly ILogger<ErrorHandlingMiddleware> _logger;

        public ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
        {
            _next = next;
            _logger = logger;
        }

        public async Task Invoke(HttpContext context)
        {
            try
            {
                await _next(context);
            }
            catch (ApiException exception) when (!context.Response.HasStarted)
            {
                if (exception.Status >= 500)
                {
                    _logger.LogWarning("{Method} {Path} answered {Code}: {Detail}", context.Request.Method, context.Request.Path, exception.Code, exception.Detail);
                }
                await ProblemWriter.WriteAsync(context, exception);
            }
            catch (JsonException exception) when (!context.Response.HasStarted)
            {
                await ProblemWriter.WriteAsync(context, new ApiException(Errors.Unreadable, exception.Message));
            }
            catch (Exception exception) when (!context.Response.HasStarted)
            {
                _logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
                var problem = ProblemWriter.Problem(context, ErrorCodes.Service.Internal, StatusCodes.Status500InternalServerError,
                    Errors.Internal.Title, "An unexpected error occurred; quote the traceId to support.");
                await ProblemWriter.WriteAsync(context, StatusCodes.Status500InternalServerError, problem);
            }
        }
    }
}
