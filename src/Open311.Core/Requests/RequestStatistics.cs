using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;

namespace Open311.Core.Requests;

/// <summary>How requests are being handled, for management: volumes, backlog and time to close.</summary>
public static class RequestStatistics
{
    public sealed record Row(string Key, long Total, long Open, long Overdue, double? MedianHoursToClose);

    /// <summary>A row as PostgreSQL groups it: by a code, a text map (jsonb as text), or both; the key is made in the caller's language.</summary>
    private sealed record Grouped(string? Code, string? Texts, long Total, long Open, long Overdue, double? MedianHoursToClose);

    /// <summary>Requests made in [from, to), grouped by department, category, channel or state; names in <paramref name="language"/>.</summary>
    public static async Task<List<Row>> ByAsync(Open311Db db, string jurisdictionId, string groupBy, LanguageChoice language, DateTimeOffset from,
        DateTimeOffset to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The grouping is chosen from a fixed list, never from the caller's text. Departments and
        // categories group by id (two may share a name in some language) and bring their names along.
        // The aliases are snake case because the naming convention maps Grouped's properties like an entity's.
        var (group, code, texts) = groupBy switch
        {
            "department" => ("d.id", "NULL", "d.name::text"),
            "category" => ("s.id", "s.code", "s.name::text"),
            "channel" => ("r.channel", "r.channel", "NULL"),
            "state" => ("st.code", "st.code", "NULL"),
            _ => throw new ArgumentOutOfRangeException(nameof(groupBy), groupBy, "unknown grouping"),
        };
        var sql = $"""
            SELECT {code} AS "code", {texts} AS "texts",
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
            GROUP BY {group}
            ORDER BY "total" DESC
            """;
        var rows = await db.Database.SqlQueryRaw<Grouped>(
            sql,
            new Npgsql.NpgsqlParameter("jurisdiction", jurisdictionId),
            new Npgsql.NpgsqlParameter("from", from),
            new Npgsql.NpgsqlParameter("to", to),
            new Npgsql.NpgsqlParameter("now", now)).ToListAsync(cancellationToken);
        return rows.Select(row => new Row(Key(row, language), row.Total, row.Open, row.Overdue, row.MedianHoursToClose)).ToList();
    }

    private static string Key(Grouped row, LanguageChoice language) =>
        string.Join(' ', new[] { row.Code, row.Texts is null ? null : LocalizedText.FromJson(row.Texts).In(language) }.OfType<string>()) is { Length: > 0 } key
            ? key
            : "(none)";
}
