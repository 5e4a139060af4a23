using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Open311.Core.Data;

/// <summary>
/// How the service talks to PostgreSQL, in one place for the host, the tests and the tools:
/// PostGIS columns as NetTopologySuite geometries, and names spelled as the SQL migrations spell them.
/// </summary>
public static class Open311Database
{
    /// <summary>Statements each connection keeps prepared, unless the connection string says otherwise (<c>Max Auto Prepare</c>).</summary>
    public const int AutoPreparedStatements = 128;

    /// <summary>
    /// The ADO.NET side must know the PostGIS types too, or reading a geometry fails. Statements run twice are prepared
    /// (PostgreSQL parses them once per connection): the hot paths are a handful of statements run thousands of times.
    /// PostgreSQL may then plan one for every parameter (a generic plan): queries whose plan depends on a value, such as
    /// a partial index on open requests, write that value as a constant (<see cref="Requests.RequestSearch"/>), which
    /// IndexPlanTests checks.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPreparedStatements;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return builder.UseNetTopologySuite().Build();
    }

    public static TBuilder UseOpen311Database<TBuilder>(this TBuilder options, NpgsqlDataSource dataSource)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseNpgsql(dataSource, npgsql => npgsql.UseNetTopologySuite()).UseSnakeCaseNamingConvention();
        return options;
    }
}
