using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace Carebook.Api.ErrorHandling
{
    /// <summary>
    /// The errors services throw, each a code from <see cref="ErrorCodes"/> bound to its status, so
    /// that a status is chosen once, here, and not at every throw:
    /// <code>throw new ApiException(Errors.AppointmentNotFound, $"Appointment {id} does not exist.");</code>
    /// </summary>
    public static class Errors
    {
        public static readonly ApiError ValidationFailed = new ApiError(ErrorCodes.Requests.ValidationFailed, StatusCodes.Status400BadRequest, "One or more fields are invalid");
        public static readonly ApiError Unreadable = new ApiError(ErrorCodes.Requests.Unreadable, StatusCodes.Status400BadRequest, "The request body could not be read");

        public static readonly ApiError Unauthenticated = new ApiError(ErrorCodes.Auth.Unauthenticated, StatusCodes.Status401Unauthorized, "Authentication required");
        public static readonly ApiError Forbidden = new ApiError(ErrorCodes.Auth.Forbidden, StatusCodes.Status403Forbidden, "Not allowed");
        public static readonly ApiError OtherClinic = new ApiError(ErrorCodes.Auth.OtherClinic, StatusCodes.Status403Forbidden, "The record belongs to another clinic");

        public static readonly ApiError RateLimited = new ApiError(ErrorCodes.Service.RateLimited, StatusCodes.Status429TooManyRequests, "Too many requests");
        public static readonly ApiError Unavailable = new ApiError(ErrorCodes.Service.Unavailable, StatusCodes.Status503ServiceUnavailable, "Service unavailable");
        public static readonly ApiError Internal = new ApiError(ErrorCodes.Service.Internal, StatusCodes.Status500InternalServerError, "Unexpected error");

        public static readonly ApiError PatientNotFound = new ApiError(ErrorCodes.Patients.NotFound, StatusCodes.Status404NotFound, "Patient not found");
        public static readonly ApiError PatientDuplicate = new ApiError(ErrorCodes.Patients.Duplicate, StatusCodes.Status409Conflict, "Patient already registered");
        public static readonly ApiError PatientArchived = new ApiError(ErrorCodes.Patients.Archived, StatusCodes.Status410Gone, "Patient archived");
        public static readonly ApiError ConsentMissing = new ApiError(ErrorCodes.Patients.ConsentMissing, StatusCodes.Status422UnprocessableEntity, "Consent missing");

        public static readonly ApiError PractitionerNotFound = new ApiError(ErrorCodes.Practitioners.NotFound, StatusCodes.Status404NotFound, "Practitioner not found");
        public static readonly ApiError NotAcceptingPatients = new ApiError(ErrorCodes.Practitioners.NotAcceptingPatients, StatusCodes.Status409Conflict, "Practitioner not accepting new patients");
        public static readonly ApiError LicenseExpired = new ApiError(ErrorCodes.Practitioners.LicenseExpired, StatusCodes.Status422UnprocessableEntity, "Practitioner's license expired");

        public static readonly ApiError AppointmentNotFound = new ApiError(ErrorCodes.Appointments.NotFound, StatusCodes.Status404NotFound, "Appointment not found");
        public static readonly ApiError SlotTaken = new ApiError(ErrorCodes.Appointments.SlotTaken, StatusCodes.Status409Conflict, "Slot already taken");
        public static readonly ApiError OutsideOpeningHours = new ApiError(ErrorCodes.Appointments.OutsideOpeningHours, StatusCodes.Status422UnprocessableEntity, "Outside opening hours");
        public static readonly ApiError InThePast = new ApiError(ErrorCodes.Appointments.InThePast, StatusCodes.Status422UnprocessableEntity, "Appointment in the past");
        public static readonly ApiError TooLateToCancel = new ApiError(ErrorCodes.Appointments.TooLateToCancel, StatusCodes.Status409Conflict, "Too late to cancel");
        public static readonly ApiError AlreadyCancelled = new ApiError(ErrorCodes.Appointments.AlreadyCancelled, StatusCodes.Status409Conflict, "Appointment already cancelled");
        public static readonly ApiError Overlaps = new ApiError(ErrorCodes.Appointments.Overlaps, StatusCodes.Status409Conflict, "Overlapping appointment");
        public static readonly ApiError OpenLimitReached = new ApiError(ErrorCodes.Appointments.OpenLimitReached, StatusCodes.Status422UnprocessableEntity, "Too many open appointments");

        public static readonly ApiError VideoUnavailable = new ApiError(ErrorCodes.Integrations.VideoUnavailable, StatusCodes.Status503ServiceUnavailable, "Video provider unavailable");
        public static readonly ApiError WebhookSignatureInvalid = new ApiError(ErrorCodes.Integrations.WebhookSignatureInvalid, StatusCodes.Status401Unauthorized, "Webhook signature invalid");
        public static readonly ApiError InsuranceCheckFailed = new ApiError(ErrorCodes.Integrations.InsuranceCheckFailed, StatusCodes.Status502BadGateway, "Insurance verification failed");

        private static readonly Dictionary<string, ApiError> ByCode = typeof(Errors)
            .GetFields()
            .Where(field => field.FieldType == typeof(ApiError))
            .Select(field => (ApiError)field.GetValue(null))
            .ToDictionary(error => error.Code);

        /// <summary>The error a code belongs to; codes thrown by status helpers are looked up here for their title.</summary>
        public static ApiError ForCode(string code)
        {
            ApiError error;
            return ByCode.TryGetValue(code, out error) ? error : Internal;
        }
    }
}
