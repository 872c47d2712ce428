using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Carebook.Api.ErrorHandling;
using Xunit;

namespace Carebook.Api.Tests
{
    public class ErrorCodesTests
    {
        private static IEnumerable<string> AllCodes()
        {
            return typeof(ErrorCodes).GetNestedTypes()
                .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(field => field.IsLiteral)
                .Select(field => (string)field.GetRawConstantValue());
        }

        [Fact]
        public void Codes_are_unique_and_dotted()
        {
            List<string> codes = AllCodes().ToList();

            Assert.Equal(codes.Count, codes.Distinct().Count());
            Assert.All(codes, code => Assert.Matches(new Regex("^[a-z_]+\\.[a-z_]+$"), code));
        }

        [Fact]
        public void Every_code_has_an_error_with_a_status()
        {
            foreach (string code in AllCodes())
            {
                ApiError error = Errors.ForCode(code);
                Assert.Equal(code, error.Code);
                Assert.InRange(error.Status, 400, 599);
            }
        }

        [Fact]
        public void Statuses_of_the_codes_clients_retry()
        {
            Assert.Equal(429, Errors.RateLimited.Status);
            Assert.Equal(503, Errors.VideoUnavailable.Status);
            Assert.Equal(409, Errors.SlotTaken.Status);
            Assert.Equal("rate_limit.exceeded", Errors.RateLimited.Code);
        }
    }
}
