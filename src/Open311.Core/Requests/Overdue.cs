using System.Linq.Expressions;

namespace Open311.Core.Requests;

/// <summary>
/// "Overdue": still open after the time staff said it would be done by (expected_datetime), or,
/// when they set none, after its service level's resolution due time. The staff list filters with
/// <see cref="At"/>; statistics count in SQL with <see cref="Sql"/>; a test checks that the two agree.
/// Both compare the same COALESCE, which the partial index <c>ix_requests_open_due</c> (0018) holds.
/// </summary>
public static class Overdue
{
    /// <summary>The same rule for a statistics query over <c>service_requests r</c>, with the time as parameter <c>@now</c>.</summary>
    public const string Sql = "r.status = 'open' AND COALESCE(r.expected_at, r.resolution_due_at) < @now";

    public static Expression<Func<ServiceRequest, bool>> At(DateTimeOffset now) =>
        r => r.Status == RequestStatus.Open && (r.ExpectedAt ?? r.ResolutionDueAt) < now;
}
