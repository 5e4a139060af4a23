namespace Open311.Core.Requests;

/// <summary>What became of a wish to follow a request: the protocol number to read back ("already reported, protocol 2026/000123").</summary>
public sealed record FollowResult(FollowOutcome Outcome, string? ProtocolNumber, IReadOnlyList<IntakeError> Errors)
{
    public static readonly FollowResult NotFound = new(FollowOutcome.NotFound, null, []);

    public static FollowResult Refused(FollowOutcome outcome, params IntakeError[] errors) => new(outcome, null, errors);
}

public enum FollowOutcome
{
    /// <summary>A new follower.</summary>
    Added,
    /// <summary>Already following (or the requester), perhaps with a channel turned on again.</summary>
    AlreadyFollowing,
    /// <summary>No such request the caller may see: the same answer whether it is unknown, another's or private.</summary>
    NotFound,
    Invalid,
    /// <summary>Viewers change nothing.</summary>
    Forbidden,
}
