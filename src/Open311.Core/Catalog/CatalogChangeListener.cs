using Npgsql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Open311.Core.Catalog;

/// <summary>
/// Listens for PostgreSQL's notice that the catalogue changed (0003_catalog_notifications.sql)
/// and signals <see cref="CatalogChanges"/>. While the connection is down nothing is kept
/// in memory, so a missed notice can never leave a stale catalogue behind.
/// </summary>
public sealed class CatalogChangeListener(NpgsqlDataSource dataSource, CatalogChanges changes, ILogger<CatalogChangeListener> logger)
    : BackgroundService
{
    public const string Channel = "open311_catalog";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => changes.Signal();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                changes.NoticesArriving(true);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or IOException)
            {
                changes.NoticesArriving(false);
                logger.LogWarning(exception, "Catalogue change notifications interrupted; reading the catalogue from the database until they resume");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }

        changes.NoticesArriving(false);
    }
}
