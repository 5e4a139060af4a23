using System.Linq.Expressions;

namespace Open311.Core.Requests;

/// <summary>
/// "Overdue": still open after the time the municipality said it would be done by. The staff
/// list filters with <see cref="At"/>; statistics count in SQL with <see cref="Sql"/>; a test
/// checks that the two agree.
/// </summary>
public static class Overdue
{
    /// <summary>The same rule for a statistics query over <c>service_requests r</c>, with the time as parameter <c>@now</c>.</summary>
    public const string Sql = "r.status = 'open' AND r.expected_at < @now";

    public static Expression<Func<ServiceRequest, bool>> At(DateTimeOffset now) => r => r.Status == RequestStatus.Open && r.ExpectedAt < now;
}
