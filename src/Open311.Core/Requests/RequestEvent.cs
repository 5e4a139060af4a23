namespace Open311.Core.Requests;

/// <summary>
/// One entry of a request's history: the audit trail, the public notes and what the outbox
/// tells others. Made only by <see cref="ServiceRequest"/>'s change methods, never changed after.
/// </summary>
public class RequestEvent
{
    /// <summary>For EF Core.</summary>
    private RequestEvent()
    {
    }

    internal RequestEvent(DateTimeOffset occurredAt, RequestEventKind kind, string actor, bool isPublic, string? note, RequestStatus statusAfter,
        long stateAfterId, string? changes)
    {
        (OccurredAt, Kind, Actor, IsPublic, Note, StatusAfter, StateAfterId, Changes) =
            (occurredAt, kind, actor, isPublic, note, statusAfter, stateAfterId, changes);
    }

    public long Id { get; private set; }
    public long RequestId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public RequestEventKind Kind { get; private set; }
    /// <summary>Who did it: <c>client:{id}</c>, <c>staff:{id}</c> or <c>system</c>.</summary>
    public string Actor { get; private set; } = "";
    /// <summary>Public events are shown to citizens as Open311 notes.</summary>
    public bool IsPublic { get; private set; }
    public string? Note { get; private set; }
    public RequestStatus StatusAfter { get; private set; }
    public long? StateAfterId { get; private set; }
    /// <summary>JSON: each changed field with its value before and after, e.g. <c>{"assignee_id":{"before":null,"after":7}}</c>.</summary>
    public string? Changes { get; private set; }
    /// <summary>A photo the event carries (a citizen's follow-up sent with one), stored like a request's photo.</summary>
    public Guid? MediaId { get; private set; }
    /// <summary>What the client app sent, for a <see cref="RequestEventKind.CitizenUpdate"/>; loaded only when asked for.</summary>
    public CitizenFollowUp? FollowUp { get; private set; }

    internal RequestEvent FromCitizen(CitizenFollowUp followUp, Guid? mediaId)
    {
        (FollowUp, MediaId) = (followUp, mediaId);
        return this;
    }
}
