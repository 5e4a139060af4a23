using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Open311.Api.Hosting;
using Open311.Core.Audit;
using Open311.Core.ServiceLevels;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Statistics;

/// <summary>
/// The service on a fixed clock with a known set of requests, made through the real API in a week of
/// January 2025 (Europe/Athens, +02:00; the calendar Mon–Fri 08:00–14:30), and nothing else: the demo
/// requests are removed first, so every figure is known. Street lighting (006) has a service level of
/// 60 working minutes to respond and 390 (one working day) to resolve; potholes (005) have none.
/// <code>
/// A 006 Mon 13 09:00, public note 10:00, resolved 12:00             → response 1 h (1 h working), resolution 3 h (3 h), met
/// B 006 Mon 13 13:00, resolved Tue 14 10:00                          → 21 h (3.5 h working) both, met
/// C 005 Tue 14 09:00, never answered                                 → backlog
/// D 006 Wed 15 09:00, resolved Fri 17 09:00, reopened 11:00, resolved 12:00
///                                                                    → response 48 h (13 h), resolution 51 h (14 h), not met, reopened
/// E 005 Thu 16 10:00, duplicate of C at 11:00                        → 1 h (1 h) both, a duplicate
/// F 006 Sat 18 10:00, resolved Mon 20 09:00                          → 47 h (1 h working): after the week
/// </code>
/// A and B are assigned to the lighting account, C to the roads account (Monday 20th). F's citizen left a name and an e-mail.
/// </summary>
public sealed class StatisticsApp : Open311App
{
    public static readonly TimeSpan Athens = TimeSpan.FromHours(2);

    /// <summary>The one citizen of the set who left contact data (F).</summary>
    public const string Email = "maria@example.gr";

    public TestClock Clock { get; } = new();

    private readonly Dictionary<string, AdminClient> clients = [];

    /// <summary>A demo account signed in (admin, dispatcher, lighting and roads of role staff, viewer); after <see cref="ReadyAsync"/>.</summary>
    public AdminClient As(string username) => clients[username];

    private AdminClient Dispatcher => clients["dispatcher"];

    public Dictionary<char, long> Ids { get; } = [];

    public static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2025, 1, day, hour, minute, 0, Athens);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    private Task? built;

    /// <summary>The data set, built on the first call (the service must run first).</summary>
    public Task ReadyAsync() => built ??= BuildAsync();

    /// <summary>Sign in on the real clock, then step through January 2025.</summary>
    private async Task BuildAsync()
    {
        await using (var db = Db())
        {
            await db.Database.ExecuteSqlRawAsync("TRUNCATE service_requests, request_events CASCADE");
            var lighting = await db.Services.SingleAsync(s => s.JurisdictionId == DemoCatalog.JurisdictionId && s.Code == "006");
            db.ServiceLevels.Add(new ServiceLevel { JurisdictionId = DemoCatalog.JurisdictionId, ServiceId = lighting.Id, ResponseMinutes = 60, ResolutionMinutes = 390 });
            // No admin API for service levels yet on this branch: the row is arranged directly, audited like any catalogue change.
            await db.SaveAuditedAsync(AuditActor.System(DemoCatalog.JurisdictionId), DateTimeOffset.UtcNow, CancellationToken.None);
        }

        foreach (var username in new[] { "admin", "dispatcher", "lighting", "roads", "viewer" })
        {
            clients[username] = await AdminClient.SignInAsync(this, username);
        }

        Ids['A'] = await SubmitAtAsync(Local(13, 9), DemoRequests.LightingAsync);
        await AtAsync(Local(13, 10), 'A', version => Dispatcher.PostAsync($"/admin/requests/{Ids['A']}/notes", new { text = "Το είδαμε", @public = true, version }));
        await ResolveAsync('A', Local(13, 12));
        Ids['B'] = await SubmitAtAsync(Local(13, 13), DemoRequests.LightingAsync);
        await ResolveAsync('B', Local(14, 10));
        Ids['C'] = await SubmitAtAsync(Local(14, 9), DemoRequests.RoadsAsync);
        Ids['D'] = await SubmitAtAsync(Local(15, 9), DemoRequests.LightingAsync);
        Ids['E'] = await SubmitAtAsync(Local(16, 10), DemoRequests.RoadsAsync);
        await AtAsync(Local(16, 11), 'E', version => Dispatcher.PostAsync($"/admin/requests/{Ids['E']}/duplicate-of", new { original_id = Ids['C'], version }));
        await ResolveAsync('D', Local(17, 9));
        await MoveAsync('D', "in_progress", Local(17, 11));
        await MoveAsync('D', "resolved", Local(17, 12));
        Ids['F'] = await SubmitAtAsync(Local(18, 10), app => DemoRequests.SubmitAsync(app, ("service_code", "006"), ("lat", "35.3391"), ("long", "25.1339"),
            ("attribute[fault]", "off"), ("description", "Σβηστή λάμπα στην πλατεία"), ("first_name", "Μαρία"), ("email", Email)));
        await ResolveAsync('F', Local(20, 9));

        await using (var db = Db())
        {
            var accounts = await db.StaffAccounts.Where(s => s.Username == "lighting" || s.Username == "roads").ToDictionaryAsync(s => s.Username, s => s.Id);
            foreach (var (request, account) in new[] { ('A', accounts["lighting"]), ('B', accounts["lighting"]), ('C', accounts["roads"]) })
            {
                await AtAsync(Local(20, 10), request, version => Dispatcher.PutAsync($"/admin/requests/{Ids[request]}/assignee", new { assignee_id = account, version }));
            }
        }

        Clock.Set(Local(20, 12));
    }

    private async Task<long> SubmitAtAsync(DateTimeOffset at, Func<Open311App, Task<long>> submit)
    {
        Clock.Set(at);
        return await submit(this);
    }

    private async Task ResolveAsync(char request, DateTimeOffset at)
    {
        await MoveAsync(request, "in_progress", at);
        await MoveAsync(request, "resolved", at);
    }

    private Task MoveAsync(char request, string state, DateTimeOffset at) =>
        AtAsync(at, request, version => Dispatcher.PostAsync($"/admin/requests/{Ids[request]}/transitions", new { to = state, version, public_note = "Ενημέρωση" }));

    /// <summary>A change at <paramref name="at"/>, made against the request's current version; it must succeed.</summary>
    private async Task AtAsync(DateTimeOffset at, char request, Func<uint, Task<(HttpResponseMessage Response, System.Text.Json.JsonElement Body)>> change)
    {
        Clock.Set(at);
        var (response, body) = await change(await Dispatcher.VersionAsync(Ids[request]));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {body}");
        }
    }
}
