namespace Open311.Core.Requests;

/// <summary>A citizen's follow-up as a client app sends it (POST servicerequestupdates), before validation.</summary>
public sealed record CitizenUpdate
{
    public required string JurisdictionId { get; init; }
    public required long ApiClientId { get; init; }
    public required long RequestId { get; init; }
    /// <summary>The client app's own id for the update; a second POST with it records nothing new.</summary>
    public required string ClientUpdateId { get; init; }
    /// <summary>What the citizen says the status is: open asks to reopen a closed request.</summary>
    public required RequestStatus Status { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public string? Description { get; init; }
    public string? ExternalMediaUrl { get; init; }
    public UploadedImage? Photo { get; init; }
    /// <summary>Only the name and e-mail are kept.</summary>
    public RequesterContact Contact { get; init; } = new();
}

public enum CitizenUpdateOutcome
{
    Recorded,
    /// <summary>No such request in the jurisdiction, or one in a private category.</summary>
    NotFound,
    Invalid,
    /// <summary>Staff kept changing the request while the update was being recorded; the client may send it again.</summary>
    Busy,
}

/// <summary>
/// What became of a citizen's update: the history event's id (Open311's update_id), the request's
/// status after it and whether the update changed it. A repeated update gets the first one's answer.
/// </summary>
public sealed record CitizenUpdateResult(CitizenUpdateOutcome Outcome, IReadOnlyList<IntakeError> Errors, long UpdateId = 0,
    RequestStatus Status = RequestStatus.Open, bool StatusChanged = false)
{
    public static CitizenUpdateResult Recorded(long updateId, RequestStatus status, bool statusChanged) =>
        new(CitizenUpdateOutcome.Recorded, [], updateId, status, statusChanged);

    public static CitizenUpdateResult Refused(CitizenUpdateOutcome outcome, params IntakeError[] errors) => new(outcome, errors);
}
