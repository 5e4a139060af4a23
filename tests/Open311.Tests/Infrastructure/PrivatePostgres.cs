using System.Globalization;

namespace Open311.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL + PostGIS cluster of one test class's own (build/postgres.sh), holding the schema and the demo
/// municipality, that the test may stop (a fast shutdown: sessions end with 57P01, then connections are refused)
/// and start again on the same port, as an outage of the database would go.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("open311-private-pg-").FullName;
    private readonly int _port = PostgresServer.FreePort();
    private readonly string _script = Path.Combine(PostgresServer.RepositoryRoot(), "build", "postgres.sh");

    /// <summary>The service's database on it, set by <see cref="StartAsync"/>.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task StartAsync()
    {
        var server = Start();
        await PostgresServer.ExecuteAsync(server, "CREATE DATABASE open311");
        ConnectionString = $"{server};Database=open311";
        await PostgresServer.MigrateAndSeedAsync($"{ConnectionString};Pooling=false");
    }

    public void Stop() => PostgresServer.Run(_script, "stop", _directory);

    /// <summary>Starts it again after <see cref="Stop"/>, with everything it stored.</summary>
    public void Restart() => Start();

    private string Start() => PostgresServer.Run(_script, "start", _directory, _port.ToString(CultureInfo.InvariantCulture)).Trim();

    public ValueTask DisposeAsync()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // Already stopped by the test.
        }

        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
