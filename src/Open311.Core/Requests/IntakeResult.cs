namespace Open311.Core.Requests;

/// <summary>Either the stored request or the reasons it was refused.</summary>
public sealed record IntakeResult(SubmittedRequest? Request, IReadOnlyList<IntakeError> Errors)
{
    public static IntakeResult Accepted(SubmittedRequest request) => new(request, []);

    public static IntakeResult Refused(params IntakeError[] errors) => new(null, errors);
}
