using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Open311.Core.Data;

/// <summary>
/// How the service talks to PostgreSQL, in one place for the host, the tests and the tools:
/// PostGIS columns as NetTopologySuite geometries, and names spelled as the SQL migrations spell them.
/// </summary>
public static class Open311Database
{
    /// <summary>The primary's name in Npgsql's metrics (<c>db.client.connection.pool.name</c>), instead of its connection string.</summary>
    public const string PrimaryName = "open311";

    /// <summary>Statements each connection keeps prepared, unless the connection string says otherwise (<c>Max Auto Prepare</c>).</summary>
    public const int AutoPreparedStatements = 128;

    /// <summary>
    /// The ADO.NET side must know the PostGIS types too, or reading a geometry fails. Unless the connection string says
    /// otherwise:
    /// <list type="bullet">
    /// <item>Statements run twice are prepared (PostgreSQL parses them once per connection): the hot paths are a handful of
    /// statements run thousands of times. PostgreSQL may then plan one for every parameter (a generic plan): queries whose
    /// plan depends on a value, such as a partial index on open requests, write that value as a constant
    /// (<see cref="Requests.RequestSearch"/>), which IndexPlanTests checks.</item>
    /// <item>A connection goes back to the pool without the reset Npgsql would send with its next use (seven statements,
    /// <c>RESET ALL</c> to <c>DISCARD TEMP</c>: about half a millisecond of PostgreSQL's time, paid again at every query
    /// outside a transaction). The service leaves no session state behind: settings are <c>SET LOCAL</c>, advisory locks
    /// are released where taken, no temporary tables; a LISTEN connection that goes back after an error keeps listening,
    /// which only means notices nobody reads.</item>
    /// </list>
    /// Commands are traced only inside a span (a request, a delivery, an escalation): the workers' and listeners' polls
    /// would otherwise start a trace of their own every second.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString, string name = PrimaryName)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = name };
        var settings = builder.ConnectionStringBuilder;
        // Npgsql's own builder knows every keyword, set or not: only a plain one tells what the string itself says
        // (Max Auto Prepare=0 turns preparation off, as a pooler in transaction mode may need: docs/scaling.md).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            settings.MaxAutoPrepare = AutoPreparedStatements;
            settings.AutoPrepareMinUsages = 2;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        builder.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => Activity.Current is not null)
            .ConfigureBatchFilter(_ => Activity.Current is not null));
        return builder.UseNetTopologySuite().Build();
    }

    public static TBuilder UseOpen311Database<TBuilder>(this TBuilder options, NpgsqlDataSource dataSource)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseNpgsql(dataSource, npgsql => npgsql.UseNetTopologySuite()).UseSnakeCaseNamingConvention();
        return options;
    }
}
