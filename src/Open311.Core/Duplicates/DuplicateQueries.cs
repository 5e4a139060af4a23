namespace Open311.Core.Duplicates;

public static class DuplicateQueries
{
    /// <summary>
    /// What Open311 may show of these (public) requests' pending suggestions: only those whose candidate is in a public
    /// category, so a private request is never named; nearest first (the unique (request_id, candidate_id) index).
    /// </summary>
    public static IQueryable<DuplicateSuggestion> PublicPendingOf(this IQueryable<DuplicateSuggestion> suggestions, IReadOnlyCollection<long> requestIds) =>
        suggestions.Where(s => requestIds.Contains(s.RequestId) && s.Decision == null && s.Candidate.Service.IsPublic)
            .OrderBy(s => s.DistanceMetres).ThenBy(s => s.CandidateId);
}
