namespace Open311.Core.Requests;

/// <summary>
/// Who made a request and how to reach them. Personal data: never shown through Open311,
/// never written to logs.
/// </summary>
public sealed record RequesterContact
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? DeviceId { get; init; }
    public string? AccountId { get; init; }

    public override string ToString() => "RequesterContact { redacted }";
}
