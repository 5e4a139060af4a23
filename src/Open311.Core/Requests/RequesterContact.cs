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

    /// <summary>The names of the fields that hold something, for a history event that must not hold the values.</summary>
    internal IEnumerable<string> HeldFields() =>
        new (string Field, string? Value)[]
        {
            ("first_name", FirstName), ("last_name", LastName), ("email", Email), ("phone", Phone), ("device_id", DeviceId), ("account_id", AccountId),
        }.Where(field => !string.IsNullOrEmpty(field.Value)).Select(field => field.Field);

    public override string ToString() => "RequesterContact { redacted }";
}
