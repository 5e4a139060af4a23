using System.ComponentModel;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Open311.Core.Catalog;
using Open311.Core.Requests;
using Open311.Core.ServiceLevels;
using Open311.Core.WorkOrders;

namespace Open311.Api.Admin;

/// <summary>A request in the staff list; the category's name in the caller's language (<see cref="StaffLanguage"/>).</summary>
public sealed record StaffRequestSummary(
    long Id,
    string ProtocolNumber,
    string ServiceCode,
    string ServiceName,
    string State,
    RequestStatus Status,
    long? DepartmentId,
    long? AssigneeId,
    Channel Channel,
    string? Description,
    string? Address,
    double? Lat,
    double? Long,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpectedAt,
    RequestPriority Priority,
    [property: JsonIgnore] RequestClock Clock,
    [property: Description("The service-level clocks as of now, in working minutes (filled by WithServiceLevel).")] ClockReading? ServiceLevel = null)
{
    private static readonly Expression<Func<ServiceRequest, LanguageChoice, StaffRequestSummary>> Projection = (r, language) => new(
        r.Id, r.ProtocolNumber, r.Service.Code, r.Service.Name.In(language), r.State.Code, r.Status, r.DepartmentId, r.AssigneeId, r.Channel,
        r.Description, r.Address, r.Lat, r.Long, r.RequestedAt, r.UpdatedAt, r.ExpectedAt, r.Priority,
        new RequestClock(r.ResponseTargetMinutes, r.ResolutionTargetMinutes, r.ResponseDueAt, r.ResolutionDueAt, r.ClockPausedAt, r.ClockRunningSince,
            r.ResolutionUsedMinutes, r.FirstResponseAt, r.ResponseWorkingMinutes, r.ResolvedAt, r.ResolutionWorkingMinutes, r.ReopenedCount),
        null);

    private static readonly Func<ServiceRequest, LanguageChoice, StaffRequestSummary> Compiled = Projection.Compile();

    /// <summary>The list's EF projection: reads these columns only (never the requester's contact data).</summary>
    public static Expression<Func<ServiceRequest, StaffRequestSummary>> From(LanguageChoice language)
    {
        // A captured variable, not a constant: EF makes it a parameter of one cached query.
        Expression<Func<LanguageChoice>> captured = () => language;
        var request = Expression.Parameter(typeof(ServiceRequest), "r");
        return Expression.Lambda<Func<ServiceRequest, StaffRequestSummary>>(Expression.Invoke(Projection, request, captured.Body), request);
    }

    /// <summary>The same, from a request already read with its category and state.</summary>
    public static StaffRequestSummary Of(ServiceRequest request, LanguageChoice language) => Compiled(request, language);

    /// <summary>With its clocks read as of now (time left needs the calendar, which SQL does not have).</summary>
    public StaffRequestSummary WithServiceLevel(Func<RequestClock, ClockReading> read) => this with { ServiceLevel = read(Clock) };
}

/// <summary>Everything about one request, for staff: contact data included (and each look at it audited).</summary>
public sealed record StaffRequestDetail(
    StaffRequestSummary Request,
    RequesterContact Contact,
    bool NotifySms,
    bool NotifyEmail,
    string? AddressId,
    string? Zipcode,
    string? StatusNotes,
    long? DuplicateOfId,
    Dictionary<string, string[]> Attributes,
    uint Version,
    IReadOnlyList<AllowedTransition> AllowedTransitions,
    [property: Description("The citizen's follow page, with its code: what an operator reads back to a caller beside the protocol number.")] Uri FollowUrl,
    [property: Description("Open requests of the same category found near it at intake and not yet confirmed or rejected, nearest first (only those the caller may see).")]
    IReadOnlyList<PossibleDuplicateView> PossibleDuplicates,
    [property: Description("How many people besides the requester are told of its progress (callers attached, citizens' \"me too\", merged duplicates' requesters).")]
    int Followers,
    [property: Description("How far its work orders are (2 of 3 done; cancelled ones left out) and whether it may now be closed; total 0 without work orders.")]
    WorkOrderProgress WorkOrders);

/// <summary>A likely duplicate found at intake: what an operator needs to say "already reported, protocol …".</summary>
public sealed record PossibleDuplicateView(
    [property: Description("The suggestion, to confirm or reject at /admin/requests/{id}/duplicate-suggestions/{suggestion_id}.")] long SuggestionId,
    [property: Description("The open request this one may repeat.")] long Id,
    [property: Description("Its protocol number, to read back to a caller.")] string ProtocolNumber,
    [property: Description("Metres between the two points, when this request came in.")] int DistanceMetres,
    [property: Description("Its workflow state now, e.g. received, in_progress.")] string State,
    [property: Description("When it was requested.")] DateTimeOffset RequestedAt);

public sealed record AllowedTransition(string To, bool RequiresPublicNote);

/// <summary>One history event, with the actor and the fields it changed.</summary>
public sealed record HistoryEntry(long Id, DateTimeOffset OccurredAt, RequestEventKind Kind, string Actor, bool IsPublic, string? Note,
    RequestStatus StatusAfter, JsonElement? Changes);
