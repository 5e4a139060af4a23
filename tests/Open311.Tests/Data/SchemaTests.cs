using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Open311.Core.Data;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Data;

public class SchemaTests(Open311App app) : IClassFixture<Open311App>
{
    [Fact]
    public async Task EfModel_MatchesMigratedSchema()
    {
        await using var db = app.Db();
        var actual = await ReadColumnsAsync(app.ConnectionString);
        var mismatches = new List<string>();
        var mapped = new HashSet<(string, string)>();

        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            foreach (var column in table.Columns)
            {
                mapped.Add((table.Name, column.Name));
                if (column.Name == "xmin")
                {
                    continue; // PostgreSQL's system row version, mapped for optimistic concurrency
                }

                if (!actual.TryGetValue((table.Name, column.Name), out var found))
                {
                    mismatches.Add($"{table.Name}.{column.Name} is mapped but not in the database");
                }
                else if (found.Type != column.StoreType || found.Nullable != column.IsNullable)
                {
                    mismatches.Add($"{table.Name}.{column.Name}: EF {column.StoreType} null={column.IsNullable}, database {found.Type} null={found.Nullable}");
                }
            }
        }

        var tables = mapped.Select(c => c.Item1).ToHashSet();
        mismatches.AddRange(actual.Keys
            // A generated column EF does not map only feeds indexes read in SQL (0022's search columns, TextSearch).
            .Where(c => tables.Contains(c.Table) && !mapped.Contains(c) && !actual[c].Generated)
            .Select(c => $"{c.Table}.{c.Column} is in the database but not mapped"));
        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task Migrator_RunTwiceAndConcurrently_AppliesEachMigrationOnce()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        await using (var reset = new NpgsqlConnection(connectionString))
        {
            await reset.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", reset);
            await drop.ExecuteNonQueryAsync();
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var migrator = new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance);
        await Task.WhenAll(migrator.MigrateAsync(), migrator.MigrateAsync(), migrator.MigrateAsync());
        await migrator.MigrateAsync();

        await using var command = dataSource.CreateCommand("SELECT count(*), count(DISTINCT version) FROM schema_migrations");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.True(reader.GetInt64(0) > 0);
        Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task Migrator_ChangedMigration_StopsStartUp()
    {
        await using var dataSource = NpgsqlDataSource.Create(app.ConnectionString);
        await using var tamper = dataSource.CreateCommand(
            "UPDATE schema_migrations SET checksum = 'tampered' WHERE version = '0001_initial' RETURNING (SELECT checksum FROM schema_migrations WHERE version = '0001_initial')");
        var original = (string)(await tamper.ExecuteScalarAsync())!;

        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(
                () => new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync());
            Assert.Contains("0001_initial was changed", error.Message);
        }
        finally
        {
            await using var restore = dataSource.CreateCommand("UPDATE schema_migrations SET checksum = $1 WHERE version = '0001_initial'");
            restore.Parameters.Add(new NpgsqlParameter { Value = original });
            await restore.ExecuteNonQueryAsync();
        }
    }

    private static async Task<Dictionary<(string Table, string Column), (string Type, bool Nullable, bool Generated)>> ReadColumnsAsync(string connectionString)
    {
        var columns = new Dictionary<(string, string), (string, bool, bool)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT c.table_name, c.column_name,
                   CASE c.data_type WHEN 'ARRAY' THEN substr(c.udt_name, 2) || '[]'
                                    -- PostGIS types with their subtype and SRID, e.g. geography(Point,4326)
                                    WHEN 'USER-DEFINED' THEN format_type(a.atttypid, a.atttypmod)
                                    ELSE c.data_type END,
                   c.is_nullable = 'YES', c.is_generated = 'ALWAYS'
            FROM information_schema.columns c
            JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
            WHERE c.table_schema = 'public'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4));
        }

        return columns;
    }
}
