using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Open311.Core.Data;

namespace Open311.Tests.Infrastructure;

/// <summary>
/// The real service, through its real HTTP pipeline, on its own database (a class fixture).
/// Every log line the service writes is kept, so tests can check what reaches the logs.
/// </summary>
public class Open311App : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-0123456789-0123456789";

    public Open311App()
    {
    }

    /// <summary>Another instance of the service on <paramref name="first"/>'s database, as a second node would run.</summary>
    protected Open311App(Open311App first) => SharesDatabaseWith = first;

    /// <summary>The instance whose database this one uses; null for one with a database of its own.</summary>
    protected Open311App? SharesDatabaseWith { get; }

    public string ConnectionString { get; private set; } = "";

    public CapturedLogs Logs { get; } = new();

    /// <summary>Extra configuration for a test class that needs the service set up differently.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        await PrepareDatabaseAsync();
    }

    /// <summary>A database of its own, or the first instance's for a second one.</summary>
    protected virtual Task<string> CreateDatabaseAsync() =>
        SharesDatabaseWith is { } first ? Task.FromResult(first.ConnectionString) : PostgresServer.CreateDatabaseAsync();

    /// <summary>Starts <paramref name="second"/> (made with the sharing constructor) at once, background workers and listeners included.</summary>
    protected static async Task<T> StartSharingAsync<T>(T second) where T : Open311App
    {
        await second.InitializeAsync();
        _ = second.Services; // starts the host
        return second;
    }

    /// <summary>Runs before the service starts: a test class may add data its settings rely on.</summary>
    protected virtual Task PrepareDatabaseAsync() => Task.CompletedTask;

    public GeoReportClient GeoReport() => new(CreateClient());

    /// <summary>A DbContext on the test database, to arrange data the API cannot create and to check what was stored.</summary>
    public Open311Db Db() => Services.CreateScope().ServiceProvider.GetRequiredService<Open311Db>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Open311", ConnectionString);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Auth:LoginAttemptsPerMinute", "10000"); // the tests sign in far more often than people do
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
