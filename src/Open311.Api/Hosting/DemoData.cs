using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Clients;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.Staff;
using Open311.Core.Workflow;
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

    // Central Heraklion; requests fall within about 3 km of it.
    private const double CentreLat = 35.3387;
    private const double CentreLong = 25.1442;

    private static readonly string[] Streets =
    [
        "Λεωφόρος Ικάρου", "25ης Αυγούστου", "Πλατεία Ελευθερίας", "Λεωφόρος Κνωσού", "Καλοκαιρινού",
        "Έβανς", "Δικαιοσύνης", "Μαρτύρων", "Λεωφόρος Δημοκρατίας", "Χάνδακος", "Λεωφόρος 62 Μαρτύρων", "Μεραμβέλλου",
    ];

    private static readonly string[] Descriptions =
    [
        "Το πρόβλημα υπάρχει εδώ και μέρες.", "Παρακαλώ να το δείτε το συντομότερο.", "Κινδυνεύουν πεζοί, ιδίως ηλικιωμένοι.",
        "Έχει ξαναδηλωθεί χωρίς αποτέλεσμα.", "Βρίσκεται δίπλα σε σχολείο.", "Problem near the bus stop, please check.",
    ];

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
        await db.SaveChangesAsync(cancellationToken);
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
        await db.SaveChangesAsync(cancellationToken);

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Athens");
        // The jurisdiction's default workflow was created with it (see 0002_staff_workflows_routing.sql).
        var workflow = await db.Workflows.Include(w => w.States).SingleAsync(w => w.JurisdictionId == DemoCatalog.JurisdictionId && w.IsDefault, cancellationToken);
        var requests = Requests(services.Select(s => s.Service).Where(s => s.IsPublic).ToList(), workflow, client.Id, now).ToList();
        var counters = new Dictionary<int, int>();
        foreach (var request in requests.OrderBy(r => r.RequestedAt))
        {
            var year = TimeZoneInfo.ConvertTime(request.RequestedAt, zone).Year;
            counters[year] = counters.GetValueOrDefault(year) + 1;
            request.ProtocolNumber = ProtocolNumbers.Format(year, counters[year]);
        }

        db.Requests.AddRange(requests.OrderBy(r => r.RequestedAt));
        db.ProtocolCounters.AddRange(counters.Select(c => new ProtocolCounter { JurisdictionId = DemoCatalog.JurisdictionId, Year = c.Key, LastNumber = c.Value }));
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
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<ServiceRequest> Requests(List<ServiceCategory> services, RequestWorkflow workflow, long clientId, DateTimeOffset now)
    {
        var received = workflow.Initial;
        var resolved = workflow.States.Single(s => s.Code == "resolved");
        var random = new Random(311);
        for (var i = 0; i < RequestCount; i++)
        {
            var service = services[random.Next(services.Count)];
            var requestedAt = now.AddMinutes(-random.Next(10, 180 * 24 * 60));
            var age = now - requestedAt;
            var closed = random.NextDouble() < Math.Min(0.9, age.TotalDays / 30);
            var request = new ServiceRequest
            {
                JurisdictionId = DemoCatalog.JurisdictionId,
                Service = service,
                DepartmentId = service.DefaultDepartment?.Id,
                Description = $"{service.Name["el"]}: {Descriptions[random.Next(Descriptions.Length)]}",
                Lat = Math.Round(CentreLat + ((random.NextDouble() - 0.5) * 0.05), 6),
                Long = Math.Round(CentreLong + ((random.NextDouble() - 0.5) * 0.06), 6),
                Address = $"{Streets[random.Next(Streets.Length)]} {random.Next(1, 120)}",
                Attributes = SampleAnswers(service, random, requestedAt),
                Channel = random.NextDouble() < 0.3 ? Channel.Phone : Channel.Open311,
                ApiClientId = clientId,
                ProtocolNumber = "",
                Token = service.Type == ServiceType.Batch ? Guid.NewGuid() : null,
                StateId = received.Id,
                RequestedAt = requestedAt,
                UpdatedAt = requestedAt,
            };
            request.History.Add(new RequestEvent
            {
                OccurredAt = requestedAt, Kind = RequestEventKind.Submitted, Actor = $"client:{clientId}", IsPublic = true, StatusAfter = RequestStatus.Open,
                StateAfterId = received.Id,
            });
            if (closed)
            {
                var closedAt = requestedAt.AddHours(random.Next(4, 24 * 14));
                const string note = "Το πρόβλημα αποκαταστάθηκε. Ευχαριστούμε για την ενημέρωση.";
                request.Status = RequestStatus.Closed;
                request.StateId = resolved.Id;
                request.StatusNotes = note;
                request.UpdatedAt = closedAt < now ? closedAt : now;
                request.History.Add(new RequestEvent
                {
                    OccurredAt = request.UpdatedAt, Kind = RequestEventKind.StatusChanged, Actor = "system", IsPublic = true, Note = note,
                    StatusAfter = RequestStatus.Closed,
                    StateAfterId = resolved.Id,
                });
            }

            yield return request;
        }
    }

    /// <summary>Valid answers to the service's required attributes, so the demo data passes its own definitions.</summary>
    private static Dictionary<string, string[]> SampleAnswers(ServiceCategory service, Random random, DateTimeOffset requestedAt) =>
        service.Attributes.Where(a => a.Variable && a.Required).ToDictionary(a => a.Code, string[] (a) => a.Datatype switch
        {
            AttributeDatatype.Number => [random.Next(1, 5).ToString(System.Globalization.CultureInfo.InvariantCulture)],
            AttributeDatatype.Datetime => [requestedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)],
            AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList => [a.Values[random.Next(a.Values.Count)].Key],
            _ => ["Κλαδί κρέμεται πάνω από το πεζοδρόμιο"],
        });
}
