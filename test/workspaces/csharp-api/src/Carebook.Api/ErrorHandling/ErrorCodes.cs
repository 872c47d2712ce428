namespace Carebook.Api.ErrorHandling
{
    /// <summary>
    /// Every code the API sends in a problem's <c>code</c> member. A code is part of the contract
    /// (the apps translate it), so once published it is never renamed or reused; the C# names may change.
    /// </summary>
    public static class ErrorCodes
    {
        public static class Requests
        {
            public const string ValidationFailed = "validation.failed";
            public const string Unreadable = "request.unreadable";
        }

        public static class Auth
        {
            public const string Unauthenticated = "auth.unauthenticated";
            public const string Forbidden = "auth.forbidden";
            public const string OtherClinic = "auth.clinic_mismatch";
        }

        public static class Service
        {
            public const string RateLimited = "rate_limit.exceeded";
            public const string Unavailable = "service.unavailable";
            public const string Internal = "server.error";
        }

        public static class Patients
        {
            public const string NotFound = "patient.not_found";
            public const string Duplicate = "patient.duplicate";
            public const string Archived = "patient.archived";
            public const string ConsentMissing = "patient.consent_missing";
        }

        public static class Practitioners
        {
            public const string NotFound = "practitioner.not_found";
            public const string NotAcceptingPatients = "practitioner.not_accepting";
            public const string LicenseExpired = "practitioner.license_expired";
        }

        public static class Appointments
        {
            public const string NotFound = "appointment.not_found";
            public const string SlotTaken = "appointment.slot_taken";
            public const string OutsideOpeningHours = "appointment.outside_hours";
            public const string InThePast = "appointment.in_past";
            public const string TooLateToCancel = "appointment.too_late_to_cancel";
            public const string AlreadyCancelled = "appointment.already_cancelled";
            public const string Overlaps = "appointment.overlaps";
            public const string OpenLimitReached = "appointment.limit_reached";
        }

        public static class Integrations
        {
            public const string VideoUnavailable = "video.provider_unavailable";
            public const string WebhookSignatureInvalid = "webhook.signature_invalid";
            public const string InsuranceCheckFailed = "insurance.verification_failed";
        }
    }
}
