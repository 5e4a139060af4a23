using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Open311.Api.Hosting;
using Open311.Core.Catalog;
using Open311.Core.Escalation;
using Open311.Core.Requests;
using Open311.Core.Staff;
using Open311.Tests.Infrastructure;
using Open311.Tests.Outbox;

namespace Open311.Tests.Escalation;

/// <summary>
/// The service on a <see cref="TestClock"/> (each test sets it to a working morning), its e-mail going to a real SMTP
/// server, with workers that poll often. Street lighting faults (006) have a first-response target of 60
/// working minutes and a resolution target of 300 (08:00 → 13:00 the same day); the jurisdiction's rules:
/// the first response at 100 % alerts the head, the resolution at 75 % the head, at 100 % the supervisors, raising the
/// priority to high. The lighting section has a head (Greek), and there is a supervisor (English).
/// </summary>
public sealed class EscalationApp : FixedTimeApp
{
    public const string HeadEmail = "head.lighting@heraklion.test";
    public const string SupervisorEmail = "supervisor@heraklion.test";
    public const string PausingState = DemoServiceLevels.WaitingCode;

    /// <summary>Tuesday 1 December 2026, 08:00 in Heraklion (EET): the office opens.</summary>
    public static readonly DateTimeOffset FirstMorning = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private readonly Lazy<Task> _arranged;

    public EscalationApp()
    {
        Smtp = new SmtpReceiver();
        _arranged = new(ArrangeAsync);
        Clock.Set(FirstMorning);
    }

    private EscalationApp(EscalationApp first)
        : base(first) => (Smtp, _arranged) = (first.Smtp, first._arranged);

    public SmtpReceiver Smtp { get; }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. base.Settings, .. OutboxApp.FastWorker(), .. Smtp.Settings, new("Outbox:MaxAttempts", "100"),
        new("Escalation:PollInterval", "00:00:00.05"), new("Escalation:BatchSize", "2"),
    ];

    /// <summary>Another instance on this one's database and clock, escalating and delivering too; already running.</summary>
    public Task<EscalationApp> StartSecondInstanceAsync() => StartSharingAsync(new EscalationApp(this));

    /// <summary>Sets up the targets, rules, head and supervisor once, on the running service; each test awaits it first.</summary>
    public Task ArrangedAsync() => _arranged.Value;

    /// <summary>The rules as <see cref="EscalationRuleAdministration"/> stored them, by clock and percent.</summary>
    public Dictionary<(EscalationClock, int), long> Rules { get; } = [];

    /// <summary>Every escalation event of a request, oldest first.</summary>
    public async Task<List<RequestEvent>> EscalationsAsync(long requestId)
    {
        await using var db = Db();
        return await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == requestId && e.Kind == RequestEventKind.Escalated).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<ServiceRequest> RequestAsync(long id)
    {
        await using var db = Db();
        return await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    /// <summary>The escalation alerts received so far about the request with this protocol number, at this address.</summary>
    public List<MimeMessage> EscalationMails(string protocolNumber, string address) =>
    [
        .. Smtp.Messages.Where(m => m.Subject?.Contains(protocolNumber, StringComparison.Ordinal) == true && !m.Subject.StartsWith("Νέο αίτημα", StringComparison.Ordinal)
            && m.To.Mailboxes.Single().Address == address),
    ];

    /// <summary>An administrator's change to the rules, through <see cref="EscalationRuleAdministration"/>.</summary>
    public async Task<T> ChangeRulesAsync<T>(Func<EscalationRuleAdministration, StaffActor, Task<T>> change)
    {
        await using var scope = Services.CreateAsyncScope();
        return await change(scope.ServiceProvider.GetRequiredService<EscalationRuleAdministration>(), await AdminAsync(scope));
    }

    private static async Task<StaffActor> AdminAsync(AsyncServiceScope scope)
    {
        var admin = await scope.ServiceProvider.GetRequiredService<Core.Data.Open311Db>().StaffAccounts.AsNoTracking().SingleAsync(s => s.Username == "admin");
        return new StaffActor(admin.Id, DemoCatalog.JurisdictionId, StaffRole.Admin, null);
    }

    private async Task ArrangeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.Open311Db>();
        var actor = await AdminAsync(scope);
        var lighting = await DemoRequests.DepartmentIdAsync(this, "Street Lighting Section");

        // Shorter than the demo's, so that every step falls within one working day.
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE service_levels SET response_minutes = 60, resolution_minutes = 300
            WHERE area_id IS NULL AND priority IS NULL AND service_id = (SELECT id FROM service_categories WHERE code = '006')
            """);

        var accounts = scope.ServiceProvider.GetRequiredService<StaffAdministration>();
        var head = (await accounts.CreateAsync(actor, new("head.lighting", "Μαρία Προϊσταμένη", StaffRole.Staff, HeadEmail, lighting, "escalation-2026", true),
            CancellationToken.None)).Value!;
        await accounts.CreateAsync(actor, new("supervisor", "Supervisor", StaffRole.Dispatcher, SupervisorEmail, null, "escalation-2026", true, Language: "en",
            Supervisor: true), CancellationToken.None);
        var department = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == lighting);
        var departments = scope.ServiceProvider.GetRequiredService<DepartmentAdministration>();
        Assert.NotNull((await departments.UpdateAsync(actor, lighting,
            new(department.Name, department.Email, department.ParentId, department.Active, HeadId: head.Id), CancellationToken.None)).Value);

        var rules = scope.ServiceProvider.GetRequiredService<EscalationRuleAdministration>();
        foreach (var draft in new EscalationRuleAdministration.RuleDraft[]
        {
            new(EscalationClock.Response, 100, AlertHead: true, AlertSupervisors: false, RaisePriorityTo: null),
            new(EscalationClock.Resolution, 75, AlertHead: true, AlertSupervisors: false, RaisePriorityTo: null),
            new(EscalationClock.Resolution, 100, AlertHead: false, AlertSupervisors: true, RaisePriorityTo: RequestPriority.High),
        })
        {
            var rule = (await rules.CreateAsync(actor, draft, CancellationToken.None)).Value!;
            Rules[(rule.Clock, rule.AtPercent)] = rule.Id;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (SharesDatabaseWith is null)
        {
            await Smtp.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
