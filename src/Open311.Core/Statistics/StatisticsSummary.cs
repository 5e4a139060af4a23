using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Core.Statistics;

/// <summary>The dashboard's headline: where things stand now.</summary>
public sealed record StatisticsSummary(DateTimeOffset AsOf, long Open, long Overdue, long ReceivedToday, double? MedianHoursToCloseThisMonth,
    double? MedianWorkingHoursToCloseThisMonth)
{
    /// <summary>The figures as PostgreSQL returns them.</summary>
    public sealed record Figures(long Open, long Overdue, long ReceivedToday, double? MedianHours, double? MedianWorkingHours);

    /// <summary>"Today" and "this month" start at local midnight and on the 1st in the jurisdiction's time zone.</summary>
    public static async Task<StatisticsSummary> NowAsync(Open311Db db, StaffActor actor, JurisdictionInfo jurisdiction, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var local = TimeZoneInfo.ConvertTime(now, jurisdiction.Zone);
        DateTimeOffset Midnight(DateTime day) => new(day, jurisdiction.Zone.GetUtcOffset(day));
        var (today, month) = (Midnight(local.Date), Midnight(new DateTime(local.Year, local.Month, 1)));
        var figures = (await Query(db, actor, now, today, month).ToListAsync(cancellationToken)).Single();
        return new(local, figures.Open, figures.Overdue, figures.ReceivedToday, Durations.Round(figures.MedianHours),
            Durations.Round(figures.MedianWorkingHours));
    }

    /// <summary>The query, for <see cref="NowAsync"/> and for the test that checks its plan.</summary>
    public static IQueryable<Figures> Query(Open311Db db, StaffActor actor, DateTimeOffset now, DateTimeOffset today, DateTimeOffset month)
    {
        var scope = StatisticsScope.For(actor);
        var sql = $"""
            SELECT (SELECT count(*) FROM service_requests r WHERE {scope.Sql} AND r.status = 'open') AS "open",
                   (SELECT count(*) FROM service_requests r WHERE {scope.Sql} AND {Requests.Overdue.Sql}) AS "overdue",
                   (SELECT count(*) FROM service_requests r WHERE {scope.Sql} AND r.requested_at >= @today AND r.requested_at <= @now) AS "received_today",
                   m.hours AS "median_hours", m.working_hours AS "median_working_hours"
            FROM (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.requested_at) / 3600) AS hours,
                         percentile_cont(0.5) WITHIN GROUP (ORDER BY r.resolution_working_minutes / 60.0) AS working_hours
                  FROM service_requests r WHERE {scope.Sql} AND r.resolved_at >= @month AND r.resolved_at <= @now) m
            """;
        return db.Database.SqlQueryRaw<Figures>(sql, scope.With(("now", now), ("today", today), ("month", month)));
    }
}
