namespace Carebook.Api.ErrorHandling
{
    /// <summary>A code with the status it is always sent with and the problem's title.</summary>
    public sealed class ApiError
    {
        public ApiError(string code, int status, string title)
        {
            Code = code;
            Status = status;
            Title = title;
        }

        public string Code { get; }

        public int Status { get; }

        public string Title { get; }

        public override string ToString() => Code + " (" + Status + ")";
    }
}
