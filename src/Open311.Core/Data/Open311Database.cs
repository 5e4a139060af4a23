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
    /// The ADO.NET side must know the PostGIS types too, or reading a geometry fails. Statements run twice are prepared
    /// (PostgreSQL parses them once per connection): the hot paths are a handful of statements run thousands of times.
    /// PostgreSQL may then plan one for every parameter (a generic plan): queries whose plan depends on a value, such as
    /// a partial index on open requests, write that value as a constant (<see cref="Requests.RequestSearch"/>), which
    /// IndexPlanTests checks. Commands are traced only inside a span (a request, a delivery, an escalation): the
    /// workers' and listeners' polls would otherwise start a trace of their own every second.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString, string name = PrimaryName)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = name };
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPreparedStatements;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
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
