using System.Collections.Generic;
using Carebook.Api.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Carebook.Api.Controllers
{
    [ApiController]
    [Route("api/reference")]
    public class ReferenceController : ControllerBase
    {
        [HttpGet("specialties")]
        public IEnumerable<Specialty> Specialties() => ReferenceData.Specialties;

        [HttpGet("languages")]
        public IEnumerable<object> Languages() => ReferenceData.ReminderLanguages;

        [HttpGet("visit-reasons")]
        public IEnumerable<object> VisitReasons() => ReferenceData.VisitReasons;

        [HttpGet("attachment-types")]
        public IEnumerable<object> AttachmentTypes() => ReferenceData.AttachmentTypes;
    }
}
