using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Requests;

/// <summary>How requests are being handled, for management: volumes, backlog and time to close.</summary>
public static class RequestStatistics
{
    public sealed record Row(string Key, long Total, long Open, long Overdue, double? MedianHoursToClose);

    /// <summary>Requests made in [from, to), grouped by department, category, channel or state.</summary>
    public static Task<List<Row>> ByAsync(Open311Db db, string jurisdictionId, string groupBy, DateTimeOffset from, DateTimeOffset to,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The grouping key is chosen from a fixed list, never from the caller's text. The aliases are
        // snake case because the naming convention maps Row's properties like an entity's.
        var key = groupBy switch
        {
            "department" => "coalesce(d.name_en, '(none)')",
            "category" => "s.code || ' ' || s.name_en",
            "channel" => "r.channel",
            "state" => "st.code",
            _ => throw new ArgumentOutOfRangeException(nameof(groupBy), groupBy, "unknown grouping"),
        };
        var sql = $"""
            SELECT {key} AS "key",
                   count(*) AS "total",
                   count(*) FILTER (WHERE r.status = 'open') AS "open",
                   count(*) FILTER (WHERE {Overdue.Sql}) AS "overdue",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed.at - r.requested_at) / 3600)
                       FILTER (WHERE r.status = 'closed') AS "median_hours_to_close"
            FROM service_requests r
            JOIN service_categories s ON s.id = r.service_id
            JOIN workflow_states st ON st.id = r.state_id
            LEFT JOIN departments d ON d.id = r.department_id
            -- When it was closed: later notes or assignments move updated_at, not this.
            LEFT JOIN LATERAL (SELECT max(e.occurred_at) AS at FROM request_events e
                               WHERE e.request_id = r.id AND e.status_after = 'closed') closed ON r.status = 'closed'
            WHERE r.jurisdiction_id = @jurisdiction AND r.requested_at >= @from AND r.requested_at < @to
            GROUP BY 1
            ORDER BY 2 DESC
            """;
        return db.Database.SqlQueryRaw<Row>(
            sql,
            new Npgsql.NpgsqlParameter("jurisdiction", jurisdictionId),
            new Npgsql.NpgsqlParameter("from", from),
            new Npgsql.NpgsqlParameter("to", to),
            new Npgsql.NpgsqlParameter("now", now)).ToListAsync(cancellationToken);
    }
}
