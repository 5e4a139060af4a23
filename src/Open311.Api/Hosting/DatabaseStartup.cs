using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Open311.Api.GeoReport;
using Open311.Core.Staff;
using Open311.Core.Data;

namespace Open311.Api.Hosting;

public static class DatabaseStartup
{
    public const string DemoDataSetting = "Open311:LoadDemoData";

    /// <summary>Migrates the schema, and loads the demo municipality when asked to (never in production).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        if (!app.Configuration.GetValue<bool>(DemoDataSetting))
        {
            return;
        }

        if (app.Environment.IsProduction())
        {
            throw new InvalidOperationException($"{DemoDataSetting} is set in Production: demo data is for development and tests only.");
        }

        await using var scope = app.Services.CreateAsyncScope();
        await DemoData.SeedAsync(
            scope.ServiceProvider.GetRequiredService<Open311Db>(),
            scope.ServiceProvider.GetRequiredService<TimeProvider>(),
            scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffAccount>>(),
            app.Logger);
    }

    /// <summary>Tells whoever started the service where to find it.</summary>
    public static void AnnounceAddressesOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.WriteLine($"Open311 API:  {address}{GeoReportApi.BasePath}/services.json");
                Console.WriteLine($"Swagger UI:   {address}/swagger");
                Console.WriteLine($"Dashboard:    {address}{Dashboard.DashboardPage.Path}  (staff sign-in)");
                Console.WriteLine($"Report page:  {address}{Report.ReportPage.Path}  (citizens report a problem)");
            }

            if (app.Configuration.GetValue<bool>(DemoDataSetting))
            {
                Console.WriteLine($"Demo API key: {DemoData.ApiKey}  (jurisdiction_id {DemoCatalog.JurisdictionId})");
            }
        });
}
