using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Carebook.Api.ErrorHandling
{
    /// <summary>
    /// Replaces [ApiController]'s automatic 400 so that invalid models answer in the same problem
    /// shape, with <c>errors</c> keyed by field.
    /// </summary>
    public static class ValidationProblemFactory
    {
        public static IActionResult Create(ActionContext context)
        {
            IDictionary<string, object> problem = ProblemWriter.Problem(context.HttpContext, ErrorCodes.Requests.ValidationFailed,
                StatusCodes.Status400BadRequest, Errors.ValidationFailed.Title, "See errors for the fields at fault.");
            problem["errors"] = context.ModelState
                .Where(entry => entry.Value.Errors.Count > 0)
                .ToDictionary(
                    entry => ToCamelCase(entry.Key),
                    entry => entry.Value.Errors.Select(error => error.ErrorMessage).ToArray());
            return new ObjectResult(problem)
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentTypes = { ProblemWriter.ContentType },
            };
        }

        private static string ToCamelCase(string key)
        {
            return string.IsNullOrEmpty(key) ? key : char.ToLowerInvariant(key[0]) + key.Substring(1);
        }
    }
}
