using Open311.Core.Requests;

namespace Open311.Core.Duplicates;

/// <summary>
/// An open request of the same category found near a new one at intake (<see cref="DuplicateCheck"/>): a likely
/// duplicate, stored rather than refused, which staff confirm (the new request becomes a duplicate of the candidate)
/// or reject. Part of the new request: it changes only through <see cref="RequestLifecycle"/>.
/// </summary>
public class DuplicateSuggestion
{
    /// <summary>For EF Core.</summary>
    private DuplicateSuggestion()
    {
    }

    internal DuplicateSuggestion(long candidateId, int distanceMetres, DateTimeOffset suggestedAt) =>
        (CandidateId, DistanceMetres, SuggestedAt) = (candidateId, distanceMetres, suggestedAt);

    public long Id { get; private set; }
    /// <summary>The new request, perhaps a duplicate.</summary>
    public long RequestId { get; private set; }
    /// <summary>The open request it may repeat.</summary>
    public long CandidateId { get; private set; }
    public ServiceRequest Candidate { get; private set; } = null!;
    public int DistanceMetres { get; private set; }
    public DateTimeOffset SuggestedAt { get; private set; }
    /// <summary>Null while staff have not decided.</summary>
    public SuggestionDecision? Decision { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    internal void Decide(SuggestionDecision decision, string actor, DateTimeOffset now) => (Decision, DecidedBy, DecidedAt) = (decision, actor, now);
}

public enum SuggestionDecision
{
    Confirmed,
    Rejected,
}
