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

    public string ConnectionString { get; private set; } = "";

    public CapturedLogs Logs { get; } = new();

    /// <summary>Extra configuration for a test class that needs the service set up differently.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        await PrepareDatabaseAsync();
    }

    /// <summary>A database of its own; a second instance of the service may share another's instead.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync();

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
