namespace Open311.Core.Requests;

/// <summary>One entry of a request's history: the audit trail, the public notes and the notification feed.</summary>
public class RequestEvent
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public RequestEventKind Kind { get; set; }
    /// <summary>Who did it: <c>client:{id}</c>, <c>staff:{id}</c> or <c>system</c>.</summary>
    public required string Actor { get; set; }
    /// <summary>Public events are shown to citizens as Open311 notes.</summary>
    public bool IsPublic { get; set; }
    public string? Note { get; set; }
    public RequestStatus StatusAfter { get; set; }
    public long? StateAfterId { get; set; }
    /// <summary>JSON: each changed field with its value before and after, e.g. <c>{"assignee_id":{"before":null,"after":7}}</c>.</summary>
    public string? Changes { get; set; }
}
