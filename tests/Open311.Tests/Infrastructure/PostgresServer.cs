using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Open311.Api.Hosting;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL + PostGIS server the tests run on: the one named by OPEN311_TEST_SERVER
/// (a connection string without a database), or a throwaway cluster started with
/// build/postgres.sh and removed when the test run ends. Each test class gets its own
/// database, cloned from a template that holds the migrated schema and the demo data.
/// </summary>
public static class PostgresServer
{
    public const string ServerVariable = "OPEN311_TEST_SERVER";
    private const string TemplateName = "open311_test_template";

    private static readonly Lazy<Task<string>> Server = new(StartAsync);
    private static readonly SemaphoreSlim CreateLock = new(1, 1);

    /// <summary>A connection string to a new database holding the schema and the demo municipality.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Server.Value;
        var name = $"open311_test_{Guid.NewGuid():N}";
        // CREATE DATABASE ... TEMPLATE needs the template to have no other session, so one at a time.
        await CreateLock.WaitAsync();
        try
        {
            await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE {TemplateName}");
        }
        finally
        {
            CreateLock.Release();
        }

        return $"{server};Database={name}";
    }

    private static async Task<string> StartAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } given ? given : StartThrowawayCluster();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {TemplateName}");
        await ExecuteAsync(server, $"CREATE DATABASE {TemplateName}");
        await MigrateAndSeedAsync($"{server};Database={TemplateName};Pooling=false");
        return server;
    }

    /// <summary>The schema and the demo municipality in the (empty) database <paramref name="connectionString"/> names.</summary>
    public static async Task MigrateAndSeedAsync(string connectionString)
    {
        await using var dataSource = Open311Database.CreateDataSource(connectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await using var db = new Open311Db(new DbContextOptionsBuilder<Open311Db>().UseOpen311Database(dataSource).Options);
        await DemoData.SeedAsync(db, TimeProvider.System, new PasswordHasher<StaffAccount>(), NullLogger.Instance);
    }

    private static string StartThrowawayCluster()
    {
        var directory = Directory.CreateTempSubdirectory("open311-test-pg-").FullName;
        var port = FreePort();
        var script = Path.Combine(RepositoryRoot(), "build", "postgres.sh");
        var connection = Run(script, "start", directory, port.ToString(System.Globalization.CultureInfo.InvariantCulture)).Trim();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Run(script, "stop", directory);
            Directory.Delete(directory, recursive: true);
        };
        return connection;
    }

    public static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection($"{server};Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static string Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed: {error}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Open311.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Open311.sln not found above the test binaries.");
    }
}
