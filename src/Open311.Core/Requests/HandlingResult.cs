using Open311.Core.Workflow;

namespace Open311.Core.Requests;

public enum HandlingOutcome
{
    Done,
    /// <summary>No such request, or not one this member of staff may see.</summary>
    NotFound,
    Forbidden,
    Invalid,
    /// <summary>The request changed since the caller read it, or the move is not allowed from its current state.</summary>
    Conflict,
}

/// <summary>What became of a change to a request; on a refused transition, the ones that are allowed.</summary>
public sealed record HandlingResult(HandlingOutcome Outcome, string? Message = null, IReadOnlyList<WorkflowTransition>? Allowed = null)
{
    public static readonly HandlingResult Done = new(HandlingOutcome.Done);
    public static readonly HandlingResult NotFound = new(HandlingOutcome.NotFound, "no such request");

    public static readonly HandlingResult Stale = new(HandlingOutcome.Conflict,
        "the request was changed by someone else since you read it: read it again and retry");

    public static HandlingResult Forbidden(string message) => new(HandlingOutcome.Forbidden, message);

    public static HandlingResult Invalid(string message) => new(HandlingOutcome.Invalid, message);
}
