using Microsoft.EntityFrameworkCore;
using Npgsql;
using Open311.Core.Audit;
using Open311.Core.Calendar;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.RateLimits;
using Open311.Core.Requests;
using Open311.Core.ServiceLevels;

namespace Open311.Api.Hosting;

public static class DataRegistration
{
    public const string ConnectionStringName = "Open311";
    public const string ReplicaConnectionStringName = "Open311Replica";

    /// <summary>PostgreSQL through one data source, EF contexts from a pool, and the catalogue services on top.</summary>
    public static void AddOpen311Data(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException($"Set ConnectionStrings:{ConnectionStringName} (see README: Configuration).");
        builder.Services.AddSingleton(_ => Open311Database.CreateDataSource(connectionString));
        builder.Services.AddPooledDbContextFactory<Open311Db>((services, options) => options
            .UseOpen311Database(services.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(services.GetRequiredService<CatalogChangeInterceptor>(), services.GetRequiredService<AuditGuard>()));
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<Open311Db>>().CreateDbContext());
        // Public reads, statistics and exports, from a standby when ConnectionStrings:Open311Replica names one.
        builder.Services.AddSingleton(services => ReadReplica.For(builder.Configuration.GetConnectionString(ReplicaConnectionStringName),
            services.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddPooledDbContextFactory<Open311ReadDb>((services, options) => options
            .UseOpen311Database(services.GetRequiredService<ReadReplica>().DataSource)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        builder.Services.AddScoped(services =>
        {
            var reads = services.GetRequiredService<IDbContextFactory<Open311ReadDb>>().CreateDbContext();
            reads.MayLag = services.GetRequiredService<ReadReplica>().MayLag;
            return reads;
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddSingleton<JurisdictionDirectory>();
        builder.Services.AddSingleton<WorkingCalendars>();
        builder.Services.AddSingleton<ServiceLevelRules>();
        builder.Services.AddSingleton<CatalogChanges>();
        builder.Services.AddSingleton<CatalogCache>();
        builder.Services.AddSingleton<CatalogChangeInterceptor>();
        builder.Services.AddSingleton<AuditGuard>();
        builder.Services.AddHostedService<CatalogChangeListener>();
        builder.Services.AddScoped<ServiceClock>();
        builder.Services.AddScoped<RequestLifecycle>();
        builder.Services.AddSingleton<SharedRateLimits>();
        builder.Services.AddHostedService<RateLimitCleanup>();
    }
}
