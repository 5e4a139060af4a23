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
    /// <summary>A search over the public text (<see cref="Search.TextSearch"/>): description, address, public notes, protocol number.</summary>
    public string? Text { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    /// <summary>Open requests whose expected time has passed.</summary>
    public bool Overdue { get; init; }
    /// <summary>True: open requests past a service level (<see cref="ServiceLevels.Breached"/>); false: all others.</summary>
    public bool? Breached { get; init; }
    /// <summary>Open requests whose resolution is due before this time.</summary>
    public DateTimeOffset? DueBefore { get; init; }
    public IReadOnlyList<RequestPriority>? Priorities { get; init; }
    public StaffRequestOrder Order { get; init; } = StaffRequestOrder.Newest;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>How the staff list is sorted.</summary>
public enum StaffRequestOrder
{
    /// <summary>Newest first.</summary>
    Newest,
    /// <summary>Open requests only, the soonest resolution due first; those without a due time (no target, waiting) last.</summary>
    ResolutionDue,
    /// <summary>With a search text only: the best matches first, then newest first.</summary>
    Relevance,
}
