namespace Open311.Core.Requests;

/// <summary>The staff list's filters, already validated; each is optional.</summary>
public sealed record StaffRequestFilter
{
    public required string JurisdictionId { get; init; }
    public IReadOnlyList<string>? States { get; init; }
    public IReadOnlyList<string>? ServiceCodes { get; init; }
    public long? DepartmentId { get; init; }
    public long? AssigneeId { get; init; }
    public long? AreaId { get; init; }
    /// <summary>Words in the description or address, or an exact protocol number.</summary>
    public string? Text { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    /// <summary>Open requests whose expected time has passed.</summary>
    public bool Overdue { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}
