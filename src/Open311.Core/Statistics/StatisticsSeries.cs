using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Core.Statistics;

public sealed record SeriesPoint(DateTimeOffset Start, long Received, long Resolved, long Backlog);

/// <summary>Received, resolved and open at each period's end, per day, week or month in the jurisdiction's time zone; empty periods included.</summary>
public static class StatisticsSeries
{
    /// <summary>A period as PostgreSQL returns it: its start in UTC.</summary>
    public sealed record Point(DateTime Start, long Received, long Resolved, long Backlog);

    public static async Task<IReadOnlyList<SeriesPoint>> OfAsync(Open311Db db, StaffActor actor, JurisdictionInfo jurisdiction, string interval,
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (!StatisticsInterval.All.Contains(interval))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "unknown interval");
        }

        var points = await Query(db, actor, jurisdiction, interval, from, to).ToListAsync(cancellationToken);
        return points.Select(p => new SeriesPoint(TimeZoneInfo.ConvertTime(new DateTimeOffset(p.Start, TimeSpan.Zero), jurisdiction.Zone), p.Received,
            p.Resolved, p.Backlog)).ToList();
    }

    /// <summary>The query, for <see cref="OfAsync"/> and for the test that checks its plan.</summary>
    public static IQueryable<Point> Query(Open311Db db, StaffActor actor, JurisdictionInfo jurisdiction, string interval, DateTimeOffset from,
        DateTimeOffset to)
    {
        var scope = StatisticsScope.For(actor);
        return db.Database.SqlQueryRaw<Point>(Sql(scope),
            scope.With(("from", from), ("to", to), ("unit", interval), ("zone", jurisdiction.Jurisdiction.TimeZone)));
    }

    /// <summary>
    /// Periods are cut in local wall-clock time (a day is 23 or 25 hours at a DST change). The backlog
    /// at each period's end is the backlog at <c>from</c> plus what came in minus what was resolved
    /// since: backlog(t) = requested before t − resolved before t, so one count of the open at
    /// <c>from</c> and two indexed ranges give every point, with no per-period scan.
    /// </summary>
    private static string Sql(StatisticsScope scope) => $"""
        WITH periods AS (
            SELECT s AS local_start
            FROM generate_series(date_trunc(@unit, @from AT TIME ZONE @zone), @to AT TIME ZONE @zone, ('1 ' || @unit)::interval) s
            WHERE s < @to AT TIME ZONE @zone
        ), received AS (
            SELECT date_trunc(@unit, r.requested_at AT TIME ZONE @zone) AS local_start, count(*) AS n
            FROM service_requests r WHERE {scope.Sql} AND r.requested_at >= @from AND r.requested_at < @to GROUP BY 1
        ), resolved AS (
            SELECT date_trunc(@unit, r.resolved_at AT TIME ZONE @zone) AS local_start, count(*) AS n
            FROM service_requests r WHERE {scope.Sql} AND r.resolved_at >= @from AND r.resolved_at < @to GROUP BY 1
        ), open_at_start AS (
            SELECT (SELECT count(*) FROM service_requests r WHERE {scope.Sql} AND r.resolved_at IS NULL AND r.requested_at < @from)
                 + (SELECT count(*) FROM service_requests r WHERE {scope.Sql} AND r.resolved_at >= @from AND r.requested_at < @from) AS n
        )
        SELECT p.local_start AT TIME ZONE @zone AS "start", coalesce(rc.n, 0) AS "received", coalesce(rs.n, 0) AS "resolved",
               (SELECT n FROM open_at_start) + sum(coalesce(rc.n, 0) - coalesce(rs.n, 0)) OVER (ORDER BY p.local_start) AS "backlog"
        FROM periods p
        LEFT JOIN received rc ON rc.local_start = p.local_start
        LEFT JOIN resolved rs ON rs.local_start = p.local_start
        ORDER BY p.local_start
        """;
}
