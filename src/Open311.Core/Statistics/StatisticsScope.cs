using Npgsql;
using Open311.Core.Staff;

namespace Open311.Core.Statistics;

/// <summary>
/// <see cref="Requests.StaffRequestSearch.VisibleTo"/> in SQL, for the statistics queries over
/// <c>service_requests r</c> (percentiles and grouping sets have no LINQ form): the jurisdiction's
/// requests, and for a <c>staff</c> account its own department's only.
/// </summary>
internal sealed record StatisticsScope(string Sql, IReadOnlyList<NpgsqlParameter> Parameters)
{
    public static StatisticsScope For(StaffActor actor) =>
        actor.Role == StaffRole.Staff
            ? new("r.jurisdiction_id = @jurisdiction AND r.department_id = @department",
                [new NpgsqlParameter("jurisdiction", actor.JurisdictionId), new NpgsqlParameter("department", (object?)actor.DepartmentId ?? DBNull.Value)])
            : new("r.jurisdiction_id = @jurisdiction", [new NpgsqlParameter("jurisdiction", actor.JurisdictionId)]);

    /// <summary>This scope's parameters and the query's own, fresh for each command (Npgsql parameters belong to one command); times in UTC, the only offset Npgsql writes to timestamptz.</summary>
    public object[] With(params (string Name, object Value)[] parameters) =>
        [.. Parameters.Select(p => p.Clone()), .. parameters.Select(p => new NpgsqlParameter(p.Name, p.Value is DateTimeOffset time ? time.ToUniversalTime() : p.Value))];
}
