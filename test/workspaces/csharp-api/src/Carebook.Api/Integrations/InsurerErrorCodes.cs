namespace Carebook.Api.Integrations
{
    /// <summary>
    /// The insurer's eligibility API answers with these in its own <c>errorCode</c>. They are its
    /// vocabulary, mapped to ours in <see cref="InsuranceEligibilityClient"/>, never sent to our clients.
    /// </summary>
    public static class InsurerErrorCodes
    {
        public const string MemberNotFound = "MEMBER_NOT_FOUND";
        public const string PolicyExpired = "POLICY_EXPIRED";
        public const string CoverageExcluded = "COVERAGE_EXCLUDED";
        public const string ReferralRequired = "REFERRAL_REQUIRED";
        public const string Throttled = "THROTTLED";
    }
}
