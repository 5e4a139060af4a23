using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Core.Statistics;

/// <summary>One group's figures over a period (see docs/architecture.md, "Statistics and exports", for each definition).</summary>
public record GroupFigures(long Received, long Resolved, long Backlog, long Reopened, long Duplicates, double? WithinTarget, Durations Response,
    Durations Resolution)
{
    /// <summary>Nothing received, resolved or open: a department that has only work orders in the period.</summary>
    internal static readonly GroupFigures None = new(0, 0, 0, 0, 0, null, Durations.Rounded(null, null, null, null), Durations.Rounded(null, null, null, null));

    /// <summary>The group's work orders (<see cref="WorkOrderStatistics"/>), for <c>group_by=department</c> only; left out for the other groupings.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("The department's work orders over the period, group_by=department only: received, done, open and overdue at the period's end, share done within target.")]
    public WorkOrderFigures? WorkOrders { get; init; }
}

/// <summary>A group's figures with the group's key (id, code, or "(none)") and its label in the caller's language.</summary>
public sealed record StatisticsRow(string Key, string Label, [property: JsonIgnore] GroupFigures Figures) : GroupFigures(Figures);

public sealed record GroupedStatistics(IReadOnlyList<StatisticsRow> Rows, GroupFigures Totals);

/// <summary>
/// Management's table: per department, category, channel, area or assignee, what came in, what was
/// resolved, what was left open, and how long answering and resolving took, over [from, to).
/// </summary>
public static class GroupStatistics
{
    /// <summary>A group (or, with <c>Total</c>, all of them) as PostgreSQL returns it; aliases are snake case like an entity's columns.</summary>
    public sealed record Grouped(string? Key, string? Label, bool Total, long Received, long Resolved, long Backlog, long Reopened, long Duplicates,
        long WithTarget, long MetTarget, double? ResponseMedian, double? ResponseP90, double? ResponseWorkingMedian, double? ResponseWorkingP90,
        double? ResolutionMedian, double? ResolutionP90, double? ResolutionWorkingMedian, double? ResolutionWorkingP90);

    public static async Task<GroupedStatistics> ByAsync(Open311Db db, StaffActor actor, StatisticsGrouping grouping, LanguageChoice language,
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await Query(db, actor, grouping, from, to).ToListAsync(cancellationToken);
        var totals = rows.Single(r => r.Total);
        var grouped = rows.Where(r => !r.Total).Select(r => new StatisticsRow(r.Key ?? "(none)", Label(r, grouping, language), Figures(r))).ToList();
        var figures = Figures(totals);
        if (grouping == StatisticsGrouping.Department)
        {
            (grouped, figures) = await WithWorkOrdersAsync(db, actor, grouped, figures, language, from, to, cancellationToken);
        }

        return new(grouped.OrderByDescending(r => r.Received).ThenBy(r => r.Key, StringComparer.Ordinal).ToList(), figures);
    }

    /// <summary>
    /// Each department's row with its work orders, and a row for each department that has work orders but no requests in the
    /// figures; the totals' work orders are all of them.
    /// </summary>
    private static async Task<(List<StatisticsRow>, GroupFigures)> WithWorkOrdersAsync(Open311Db db, StaffActor actor, List<StatisticsRow> rows,
        GroupFigures totals, LanguageChoice language, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var (workOrders, total) = await WorkOrderStatistics.ByDepartmentAsync(db, actor, from, to, cancellationToken);
        var keys = workOrders.Keys.Select(k => k.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        var missing = keys.Except(rows.Select(r => r.Key)).Select(long.Parse).ToList();
        var names = await db.Departments.AsNoTracking().Where(d => missing.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var all = rows.Concat(missing.Select(id => new StatisticsRow(id.ToString(CultureInfo.InvariantCulture), names[id].In(language), GroupFigures.None)))
            .Select(r => r with
            {
                WorkOrders = long.TryParse(r.Key, CultureInfo.InvariantCulture, out var id) && workOrders.TryGetValue(id, out var counted)
                    ? counted
                    : WorkOrderFigures.None,
            })
            .ToList();
        return (all, totals with { WorkOrders = total });
    }

    /// <summary>The query, for <see cref="ByAsync"/> and for the test that checks its plan.</summary>
    public static IQueryable<Grouped> Query(Open311Db db, StaffActor actor, StatisticsGrouping grouping, DateTimeOffset from, DateTimeOffset to)
    {
        var scope = StatisticsScope.For(actor);
        return db.Database.SqlQueryRaw<Grouped>(Sql(grouping, scope), scope.With(("from", from), ("to", to)));
    }

    private static string Label(Grouped row, StatisticsGrouping grouping, LanguageChoice language) =>
        row.Label is null ? row.Key ?? "(none)" : grouping.LabelIsLocalized ? LocalizedText.FromJson(row.Label).In(language) : row.Label;

    private static GroupFigures Figures(Grouped r) => new(r.Received, r.Resolved, r.Backlog, r.Reopened, r.Duplicates,
        r.WithTarget == 0 ? null : Math.Round((double)r.MetTarget / r.WithTarget, 4),
        Durations.Rounded(r.ResponseMedian, r.ResponseP90, r.ResponseWorkingMedian, r.ResponseWorkingP90),
        Durations.Rounded(r.ResolutionMedian, r.ResolutionP90, r.ResolutionWorkingMedian, r.ResolutionWorkingP90));

    /// <summary>
    /// Each figure reads only the rows it counts, on its own index (requested_at, resolved_at,
    /// first_response_at, unresolved: migration 0020), never the whole table; GROUPING SETS give
    /// each part's totals in the same pass (a median of all is not a sum of groups' medians), and the
    /// parts are summed per group at the end.
    /// </summary>
    private static string Sql(StatisticsGrouping grouping, StatisticsScope scope)
    {
        var key = grouping.KeySql;
        string Part(string figures, string where) => $"""
            SELECT {key} AS k, grouping({key}) = 1 AS total, {figures}
            FROM service_requests r WHERE {scope.Sql} AND {where}
            GROUP BY GROUPING SETS (({key}), ())
            """;
        const string none = "NULL::bigint";
        const string noTimes = "NULL::double precision[], NULL::double precision[]";
        return $"""
            WITH parts (k, total, received, duplicates, resolved, reopened, with_target, met_target, backlog,
                        resolution_hours, resolution_working_hours, response_hours, response_working_hours) AS (
            {Part($"count(*), count(*) FILTER (WHERE r.duplicate_of_id IS NOT NULL), {none}, {none}, {none}, {none}, {none}, {noTimes}, {noTimes}",
                "r.requested_at >= @from AND r.requested_at < @to")}
            UNION ALL
            {Part($"""
                {none}, {none}, count(*), count(*) FILTER (WHERE r.reopened_count > 0),
                count(*) FILTER (WHERE r.resolution_target_minutes IS NOT NULL),
                count(*) FILTER (WHERE r.resolution_working_minutes <= r.resolution_target_minutes), {none},
                percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.requested_at) / 3600),
                percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY r.resolution_working_minutes / 60.0), {noTimes}
                """, "r.resolved_at >= @from AND r.resolved_at < @to")}
            UNION ALL
            {Part($"""
                {none}, {none}, {none}, {none}, {none}, {none}, {none}, {noTimes},
                percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_response_at - r.requested_at) / 3600),
                percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY r.response_working_minutes / 60.0)
                """, "r.first_response_at >= @from AND r.first_response_at < @to")}
            UNION ALL
            -- Open at the end of the period: not resolved yet, or resolved after it (two index ranges, not one OR).
            {Part($"{none}, {none}, {none}, {none}, {none}, {none}, count(*), {noTimes}, {noTimes}", "r.resolved_at IS NULL AND r.requested_at < @to")}
            UNION ALL
            {Part($"{none}, {none}, {none}, {none}, {none}, {none}, count(*), {noTimes}, {noTimes}", "r.resolved_at >= @to AND r.requested_at < @to")}
            ), g AS (
                SELECT k, total, coalesce(sum(received), 0) AS received, coalesce(sum(duplicates), 0) AS duplicates,
                       coalesce(sum(resolved), 0) AS resolved, coalesce(sum(reopened), 0) AS reopened,
                       coalesce(sum(with_target), 0) AS with_target, coalesce(sum(met_target), 0) AS met_target, coalesce(sum(backlog), 0) AS backlog,
                       max(resolution_hours) AS resolution_hours, max(resolution_working_hours) AS resolution_working_hours,
                       max(response_hours) AS response_hours, max(response_working_hours) AS response_working_hours
                FROM parts GROUP BY k, total
            )
            SELECT {grouping.ShownKeySql} AS "key", {grouping.LabelSql} AS "label", g.total AS "total",
                   g.received AS "received", g.resolved AS "resolved", g.backlog AS "backlog", g.reopened AS "reopened", g.duplicates AS "duplicates",
                   g.with_target AS "with_target", g.met_target AS "met_target",
                   g.response_hours[1] AS "response_median", g.response_hours[2] AS "response_p90",
                   g.response_working_hours[1] AS "response_working_median", g.response_working_hours[2] AS "response_working_p90",
                   g.resolution_hours[1] AS "resolution_median", g.resolution_hours[2] AS "resolution_p90",
                   g.resolution_working_hours[1] AS "resolution_working_median", g.resolution_working_hours[2] AS "resolution_working_p90"
            FROM g {grouping.LabelJoinSql}
            """;
    }
}
