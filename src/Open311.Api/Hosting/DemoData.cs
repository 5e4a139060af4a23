using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Calendar;
using Open311.Core.Clients;
using Open311.Core.Data;
using Open311.Core.Demo;
using Open311.Core.Requests;
using Open311.Core.Staff;
using Microsoft.AspNetCore.Identity;

namespace Open311.Api.Hosting;

/// <summary>
/// Loads the demo municipality once: catalogue, a client app with a documented key, and a few
/// hundred requests spread over Heraklion and the last six months. Never in production.
/// </summary>
public static class DemoData
{
    public const string ApiKey = "heraklion-demo-key-2026";
    public const int RequestCount = 400;

    /// <summary>The audit trail records the demo catalogue as made by the service itself.</summary>
    private static readonly AuditActor Loader = AuditActor.System(DemoCatalog.JurisdictionId);

    // Central Heraklion; requests fall within about 3 km of it.
    private const double CentreLat = 35.3387;
    private const double CentreLong = 25.1442;

    public static async Task SeedAsync(Open311Db db, TimeProvider clock, IPasswordHasher<StaffAccount> passwords, ILogger logger,
        CancellationToken cancellationToken = default)
    {
        if (await db.Jurisdictions.AnyAsync(j => j.Id == DemoCatalog.JurisdictionId, cancellationToken))
        {
            await AddMissingStaffAsync(db, passwords, clock.GetUtcNow(), cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Jurisdictions.Add(DemoCatalog.Jurisdiction(now));
        var departments = DemoCatalog.Departments();
        db.Departments.AddRange(departments.Values);
        await db.SaveAuditedAsync(Loader, now, cancellationToken);
        foreach (var section in DemoCatalog.TechnicalSections)
        {
            departments[section].ParentId = departments["technical"].Id;
        }

        var services = DemoCatalog.Services().ToList();
        foreach (var (department, service) in services)
        {
            service.DefaultDepartment = departments[department];
        }

        db.Services.AddRange(services.Select(s => s.Service));
        var client = ApiKeys.Register(DemoCatalog.JurisdictionId, "Demo civic app", ApiKey, now);
        db.ApiClients.Add(client);
        await db.SaveAuditedAsync(Loader, now, cancellationToken);

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Athens");
        // The jurisdiction's default workflow was created with it (see 0002_staff_workflows_routing.sql).
        var workflow = await db.Workflows.AsTracking().Include(w => w.States).Include(w => w.Transitions)
            .SingleAsync(w => w.JurisdictionId == DemoCatalog.JurisdictionId && w.IsDefault, cancellationToken);
        DemoServiceLevels.AddWaitingState(workflow);
        db.ServiceLevels.AddRange(DemoServiceLevels.Levels(services.Select(s => s.Service)));
        await db.SaveAuditedAsync(Loader, now, cancellationToken);
        var (requests, lastNumbers) = DemoRequests.Generate(DemoCatalog.JurisdictionId, [.. services.Select(s => s.Service).Where(s => s.IsPublic)],
            workflow, client.Id, CentreLat, CentreLong, WorkingCalendar.National(zone, WeeklyHours.MunicipalOffice), DemoServiceLevels.For,
            RequestCount, now);
        db.Requests.AddRange(requests);
        db.ProtocolCounters.AddRange(lastNumbers.Select(c => new ProtocolCounter { JurisdictionId = DemoCatalog.JurisdictionId, Year = c.Key, LastNumber = c.Value }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await AddMissingStaffAsync(db, passwords, now, cancellationToken);
        logger.LogInformation("Loaded demo data: {Services} services, {Requests} requests", services.Count, requests.Count);
    }

    /// <summary>The demo staff accounts, also for a demo database loaded before accounts existed.</summary>
    private static async Task AddMissingStaffAsync(Open311Db db, IPasswordHasher<StaffAccount> passwords, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.StaffAccounts.AnyAsync(s => s.JurisdictionId == DemoCatalog.JurisdictionId, cancellationToken))
        {
            return;
        }

        var departments = await db.Departments.Where(d => d.JurisdictionId == DemoCatalog.JurisdictionId).ToListAsync(cancellationToken);
        db.StaffAccounts.AddRange(DemoStaff.Accounts(departments, passwords, now));
        await db.SaveAuditedAsync(Loader, now, cancellationToken);
    }
}
