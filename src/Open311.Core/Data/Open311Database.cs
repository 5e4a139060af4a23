using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Open311.Core.Data;

/// <summary>
/// How the service talks to PostgreSQL, in one place for the host, the tests and the tools:
/// PostGIS columns as NetTopologySuite geometries, and names spelled as the SQL migrations spell them.
/// </summary>
public static class Open311Database
{
    /// <summary>The ADO.NET side must know the PostGIS types too, or reading a geometry fails.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString) =>
        new NpgsqlDataSourceBuilder(connectionString).UseNetTopologySuite().Build();

    public static TBuilder UseOpen311Database<TBuilder>(this TBuilder options, NpgsqlDataSource dataSource)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseNpgsql(dataSource, npgsql => npgsql.UseNetTopologySuite()).UseSnakeCaseNamingConvention();
        return options;
    }
}
