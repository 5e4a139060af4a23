using Npgsql;
using Open311.Core.Staff;

namespace Open311.Core.Statistics;

/// <summary>
/// <see cref="Requests.StaffRequestSearch.VisibleTo"/> in SQL, for the statistics queries over
/// <c>service_requests r</c> (percentiles and grouping sets have no LINQ form): the jurisdiction's
/// requests, and for a <c>staff</c> account its own department's only. Requests a department only has a work
/// order on are counted by their own department; the department counts its work orders (<see cref="WorkOrderStatistics"/>,
/// the same scope over <c>work_orders w</c>).
/// </summary>
internal sealed record StatisticsScope(string Sql, IReadOnlyList<NpgsqlParameter> Parameters)
{
    public static StatisticsScope For(StaffActor actor, string table = "r") =>
        actor.Role == StaffRole.Staff
            ? new($"{table}.jurisdiction_id = @jurisdiction AND {table}.department_id = @department",
                [new NpgsqlParameter("jurisdiction", actor.JurisdictionId), new NpgsqlParameter("department", (object?)actor.DepartmentId ?? DBNull.Value)])
            : new($"{table}.jurisdiction_id = @jurisdiction", [new NpgsqlParameter("jurisdiction", actor.JurisdictionId)]);

    /// <summary>This scope's parameters and the query's own, fresh for each command (Npgsql parameters belong to one command); times in UTC, the only offset Npgsql writes to timestamptz.</summary>
    public object[] With(params (string Name, object Value)[] parameters) =>
        [.. Parameters.Select(p => p.Clone()), .. parameters.Select(p => new NpgsqlParameter(p.Name, p.Value is DateTimeOffset time ? time.ToUniversalTime() : p.Value))];
}
