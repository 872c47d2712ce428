using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace Carebook.Api.ErrorHandling
{
    /// <summary>
    /// An error the client is told about. <see cref="ErrorHandlingMiddleware"/> writes it as a problem
    /// (application/problem+json) with its code; <see cref="Extensions"/> become members of the problem.
    /// </summary>
    public class ApiException : Exception
    {
        public ApiException(ApiError error, string detail = null)
            : this(error.Code, error.Status, error.Title, detail)
        {
        }

        protected ApiException(string code, int status, string title, string detail)
            : base(detail ?? title)
        {
            Code = code;
            Status = status;
            Title = title;
            Detail = detail ?? title;
        }

        public string Code { get; }

        public int Status { get; }

        public string Title { get; }

        public string Detail { get; }

        public IDictionary<string, object> Extensions { get; } = new Dictionary<string, object>();

        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>();

        public ApiException With(string member, object value)
        {
            Extensions[member] = value;
            return this;
        }
    }

    // One exception per status, for code that throws a code constant where no Errors field exists
    // yet; the title comes from the Errors field with that code.

    public class BadRequestException : ApiException
    {
        public BadRequestException(string code, string detail = null)
            : base(code, StatusCodes.Status400BadRequest, Errors.ForCode(code).Title, detail)
        {
        }
    }

    public class NotFoundException : ApiException
    {
        public NotFoundException(string code, string detail = null)
            : base(code, StatusCodes.Status404NotFound, Errors.ForCode(code).Title, detail)
        {
        }
    }

    public class ConflictException : ApiException
    {
        public ConflictException(string code, string detail = null)
            : base(code, StatusCodes.Status409Conflict, Errors.ForCode(code).Title, detail)
        {
        }
    }

    public class UnprocessableException : ApiException
    {
        public UnprocessableException(string code, string detail = null)
            : base(code, StatusCodes.Status422UnprocessableEntity, Errors.ForCode(code).Title, detail)
        {
        }
    }

    public class ServiceUnavailableException : ApiException
    {
        public ServiceUnavailableException(string code, TimeSpan retryAfter, string detail = null)
            : base(code, StatusCodes.Status503ServiceUnavailable, Errors.ForCode(code).Title, detail)
        {
            Headers["Retry-After"] = ((int)retryAfter.TotalSeconds).ToString();
            Extensions["retryAfter"] = (int)retryAfter.TotalSeconds;
        }
    }
}
