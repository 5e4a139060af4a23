using Npgsql;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Scaling;

/// <summary>
/// A PostgreSQL primary and a streaming hot standby of it on 127.0.0.1 (build/replica.sh), holding
/// one database with the schema and the demo municipality; stopped and removed when disposed.
/// </summary>
public sealed class ReplicaPair : IAsyncDisposable
{
    private const string Database = "open311_nodes";
    private const string Script = "replica.sh";

    private readonly string _directory;
    private readonly int _primaryPort;
    private readonly int _standbyPort;

    private ReplicaPair(string directory, int primaryPort, int standbyPort) => (_directory, _primaryPort, _standbyPort) = (directory, primaryPort, standbyPort);

    public string Primary => Server(_primaryPort);

    public string Standby => Server(_standbyPort);

    /// <summary>What the nodes read through: a standby if one answers, else the primary (as a deployment with several would say it).</summary>
    public string Reads => $"Host=127.0.0.1:{_standbyPort},127.0.0.1:{_primaryPort};Username=postgres;Database={Database};Target Session Attributes=prefer-standby";

    public static async Task<ReplicaPair> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("open311-replica-").FullName;
        var primaryPort = PostgresServer.FreePort();
        var standbyPort = PostgresServer.FreePort();
        while (standbyPort == primaryPort)
        {
            standbyPort = PostgresServer.FreePort();
        }

        var pair = new ReplicaPair(directory, primaryPort, standbyPort);
        PostgresServer.Run(ScriptPath, "start", directory, $"{primaryPort}", $"{standbyPort}");
        await PostgresServer.ExecuteAsync($"Host=127.0.0.1;Port={primaryPort};Username=postgres", $"CREATE DATABASE {Database}");
        await PostgresServer.MigrateAndSeedAsync($"{pair.Primary};Pooling=false");
        await pair.CaughtUpAsync();
        return pair;
    }

    /// <summary>Until the standby has replayed everything the primary had committed when this was called.</summary>
    public async Task CaughtUpAsync()
    {
        var committed = await ScalarAsync<string>(Primary, "SELECT pg_current_wal_lsn()::text");
        await Eventually.TrueAsync(async () => await ScalarAsync<bool>(Standby, $"SELECT pg_last_wal_replay_lsn() >= '{committed}'::pg_lsn"));
    }

    /// <summary>The standby keeps answering, as of the moment it stopped replaying: what the primary commits next is not there.</summary>
    public Task PauseReplayAsync() => ScalarAsync<object>(Standby, "SELECT pg_wal_replay_pause()");

    public Task ResumeReplayAsync() => ScalarAsync<object>(Standby, "SELECT pg_wal_replay_resume()");

    /// <summary>The application name of every client session on the database of <paramref name="server"/>, this query's own left out.</summary>
    public static async Task<List<string>> SessionsAsync(string server)
    {
        await using var connection = await OpenAsync(server);
        await using var command = new NpgsqlCommand(
            "SELECT application_name FROM pg_stat_activity WHERE backend_type = 'client backend' AND datname = current_database() AND pid <> pg_backend_pid()",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public static async Task<T> ScalarAsync<T>(string server, string sql)
    {
        await using var connection = await OpenAsync(server);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        PostgresServer.Run(ScriptPath, "stop", _directory);
        Directory.Delete(_directory, recursive: true);
        await Task.CompletedTask;
    }

    private static string ScriptPath => Path.Combine(PostgresServer.RepositoryRoot(), "build", Script);

    private static string Server(int port) => $"Host=127.0.0.1;Port={port};Username=postgres;Database={Database}";

    // The tests' own sessions are not pooled and say who they are, so they never pass for the service's.
    private static async Task<NpgsqlConnection> OpenAsync(string server)
    {
        var connection = new NpgsqlConnection($"{server};Pooling=false;Application Name=open311-tests");
        await connection.OpenAsync();
        return connection;
    }
}
