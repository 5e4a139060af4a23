using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Core.Statistics;

/// <summary>
/// A department's work orders over [from, to): <c>received</c> made in the period; <c>done</c> done in it; <c>open</c> unfinished
/// at <c>to</c> (made before it, not done or cancelled by then); <c>overdue</c> of those, past their due time at <c>to</c>;
/// <c>within_target</c> the share of the done ones with a due time that were done by it (null when none had one).
/// </summary>
public sealed record WorkOrderFigures(long Received, long Done, long Open, long Overdue, double? WithinTarget)
{
    public static readonly WorkOrderFigures None = new(0, 0, 0, 0, null);

    /// <summary>One department's figures, or (<paramref name="counted"/> summed) all of them: counts only, so a sum is exact.</summary>
    internal static WorkOrderFigures Of(IReadOnlyCollection<WorkOrderStatistics.Counted> counted)
    {
        var (withTarget, metTarget) = (counted.Sum(c => c.WithTarget), counted.Sum(c => c.MetTarget));
        return new(counted.Sum(c => c.Received), counted.Sum(c => c.Done), counted.Sum(c => c.Open), counted.Sum(c => c.Overdue),
            withTarget == 0 ? null : Math.Round((double)metTarget / withTarget, 4));
    }
}

/// <summary>Work orders per department, for <c>group_by=department</c>: each part reads its own rows on its own index, as <see cref="GroupStatistics"/> does.</summary>
public static class WorkOrderStatistics
{
    /// <summary>One department's counts as PostgreSQL returns them.</summary>
    public sealed record Counted(long DepartmentId, long Received, long Done, long Open, long Overdue, long WithTarget, long MetTarget);

    /// <summary>Each department's figures, and all of them together.</summary>
    public static async Task<(Dictionary<long, WorkOrderFigures> ByDepartment, WorkOrderFigures Total)> ByDepartmentAsync(Open311Db db, StaffActor actor,
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var counted = await Query(db, actor, from, to).ToListAsync(cancellationToken);
        return (counted.ToDictionary(c => c.DepartmentId, c => WorkOrderFigures.Of([c])), WorkOrderFigures.Of(counted));
    }

    /// <summary>The query, for <see cref="ByDepartmentAsync"/> and for the test that checks its plan.</summary>
    public static IQueryable<Counted> Query(Open311Db db, StaffActor actor, DateTimeOffset from, DateTimeOffset to)
    {
        var scope = StatisticsScope.For(actor, "w");
        string Part(string figures, string where) =>
            $"SELECT w.department_id AS k, {figures} FROM work_orders w WHERE {scope.Sql} AND {where} GROUP BY w.department_id";
        return db.Database.SqlQueryRaw<Counted>(Sql(Part), scope.With(("from", from), ("to", to)));
    }

    /// <summary>Built from fixed text only (the scope's SQL is ours, its values parameters).</summary>
    private static string Sql(Func<string, string, string> part) => $"""
            WITH parts (k, received, done, with_target, met_target, open, overdue) AS (
            {part("count(*), 0, 0, 0, 0, 0", "w.created_at >= @from AND w.created_at < @to")}
            UNION ALL
            {part("""
                0, count(*) FILTER (WHERE w.state = 'done'), count(*) FILTER (WHERE w.state = 'done' AND w.due_at IS NOT NULL),
                count(*) FILTER (WHERE w.state = 'done' AND w.finished_at <= w.due_at), 0, 0
                """, "w.finished_at >= @from AND w.finished_at < @to")}
            UNION ALL
            -- Unfinished at the period's end: not finished yet, or finished after it (two index ranges, not one OR).
            {part("0, 0, 0, 0, count(*), count(*) FILTER (WHERE w.due_at < @to)", "w.finished_at IS NULL AND w.created_at < @to")}
            UNION ALL
            {part("0, 0, 0, 0, count(*), count(*) FILTER (WHERE w.due_at < @to)", "w.finished_at >= @to AND w.created_at < @to")}
            )
            SELECT k AS "department_id", sum(received)::bigint AS "received", sum(done)::bigint AS "done", sum(open)::bigint AS "open",
                   sum(overdue)::bigint AS "overdue", sum(with_target)::bigint AS "with_target", sum(met_target)::bigint AS "met_target"
            FROM parts GROUP BY k
            """;
}
