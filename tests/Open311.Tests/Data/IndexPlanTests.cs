using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Open311.Api.GeoReport;
using Open311.Api.Hosting;
using Open311.Api.Admin;
using Open311.Core;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Escalation;
using Open311.Core.Feed;
using Open311.Core.Notifications;
using Open311.Core.Privacy;
using Open311.Core.Requests;
using Open311.Core.Search;
using Open311.Core.Staff;
using Open311.Core.Statistics;
using Open311.Core.Exports;
using Microsoft.Extensions.DependencyInjection;
using Open311.Core.Webhooks;
using Open311.Core.WorkOrders;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Data;

/// <summary>
/// Every public list query has an index to serve it. The demo tables are small enough that the
/// planner would rightly scan them, so sequential scans are switched off: a query that still
/// scans service_requests (or request_events) has no usable index. bench/README.md shows the plans at 10⁶ rows.
/// </summary>
public class IndexPlanTests(Open311App app) : IClassFixture<Open311App>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static readonly LanguageChoice Greek = new("el", "el");

    public static TheoryData<string> Shapes => new(Filters.Keys);

    private static readonly Dictionary<string, RequestFilter> Filters = new()
    {
        ["default"] = Filter(),
        ["service_code"] = Filter() with { ServiceCodes = ["006"] },
        ["status"] = Filter() with { Statuses = [RequestStatus.Open] },
        ["service_code+status"] = Filter() with { ServiceCodes = ["006"], Statuses = [RequestStatus.Open] },
        ["updated_after"] = Filter() with { UpdatedAfter = Now.AddDays(-1) },
        ["radius"] = Filter() with { Near = new GeoCircle(35.3387, 25.1442, 500) },
        ["bbox"] = Filter() with { Within = new GeoBox(25.14, 35.33, 25.15, 35.34) },
        ["bbox+status"] = Filter() with { Within = new GeoBox(25.14, 35.33, 25.15, 35.34), Statuses = [RequestStatus.Open] },
        ["ids"] = Filter() with { Ids = [1, 2, 3] },
        ["id"] = Filter() with { Ids = [1] },
        ["page 3"] = Filter() with { Page = 3, PageSize = 50 },
        ["q"] = Filter() with { Text = "λαμπες" },
        ["q greeklish+status"] = Filter() with { Text = "lampa", Statuses = [RequestStatus.Open] },
    };

    private static RequestFilter Filter() => new() { JurisdictionId = DemoCatalog.JurisdictionId, From = Now.AddDays(-90), To = Now };

    public static TheoryData<string> StaffShapes => new(StaffFilters.Keys);

    private static readonly StaffActor Dispatcher = new(1, DemoCatalog.JurisdictionId, StaffRole.Dispatcher, null);

    private static readonly Dictionary<string, StaffRequestFilter> StaffFilters = new()
    {
        ["newest"] = StaffFilter(),
        ["department"] = StaffFilter() with { DepartmentId = 5 },
        ["state"] = StaffFilter() with { States = ["received"] },
        ["assignee"] = StaffFilter() with { AssigneeId = 3 },
        ["overdue"] = StaffFilter() with { Overdue = true },
        ["text"] = StaffFilter() with { Text = "λάμπα" },
        ["text by relevance"] = StaffFilter() with { Text = "σβηστη lampa", Order = StaffRequestOrder.Relevance },
        ["protocol number by relevance"] = StaffFilter() with { Text = "2026/000123", Order = StaffRequestOrder.Relevance },
        ["area"] = StaffFilter() with { AreaId = 1 },
        ["from"] = StaffFilter() with { From = Now.AddDays(-7) },
        ["breached"] = StaffFilter() with { Breached = true },
        ["due_before"] = StaffFilter() with { DueBefore = Now.AddDays(2) },
        ["priority"] = StaffFilter() with { Priorities = [RequestPriority.Urgent] },
        ["resolution_due"] = StaffFilter() with { Order = StaffRequestOrder.ResolutionDue },
    };

    private static StaffRequestFilter StaffFilter() => new() { JurisdictionId = DemoCatalog.JurisdictionId };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task ListQuery_IsServedByAnIndex(string shape)
    {
        await using var db = app.Db();
        await AssertIndexServedAsync(db, db.PublicViews(Filters[shape], await PublicNamesAsync()));
    }

    /// <summary>
    /// Public lists read service_requests alone: which categories are public, and their names, come from the catalogue in
    /// memory: no join planned per call, and "service_id = x" leaves PostgreSQL free to walk one category's index in order
    /// (bench/README.md). The text search keeps its own check (TextSearch.Hits).
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task ListQuery_ReadsTheRequestsAlone(string shape)
    {
        await using var db = app.Db();
        var sql = db.PublicViews(Filters[shape], await PublicNamesAsync()).ToQueryString();
        if (Filters[shape].Text is null)
        {
            Assert.DoesNotContain("service_categories", sql, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("departments", sql, StringComparison.Ordinal);
    }

    private async Task<PublicNames> PublicNamesAsync() =>
        (await app.Services.GetRequiredService<CatalogCache>().ForAsync(DemoCatalog.JurisdictionId, CancellationToken.None)).Names;

    /// <summary>
    /// The service prepares its statements (<see cref="Open311Database.AutoPreparedStatements"/>), and PostgreSQL may then plan a
    /// statement once for every parameter value. That generic plan cannot use a partial index whose condition rests on a
    /// parameter, so it must be index-served too.
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task ListQuery_GenericPlan_IsServedByAnIndex(string shape)
    {
        await using var db = app.Db();
        var plan = await GenericPlanOfAsync(db, db.PublicViews(Filters[shape], await PublicNamesAsync()));
        Assert.Contains("$1", plan);
        AssertIndexServed(plan, []);
        if (OpenOnlyIndexes.TryGetValue(shape, out var index))
        {
            Assert.True(plan.Contains(index, StringComparison.Ordinal), plan);
        }
    }

    /// <summary>The partial indexes on open requests that the generic plans of "status=open" shapes must still be able to use.</summary>
    private static readonly Dictionary<string, string> OpenOnlyIndexes = new()
    {
        ["service_code+status"] = "ix_requests_service_open",
    };

    [Theory]
    [MemberData(nameof(StaffShapes))]
    public async Task StaffListQuery_IsServedByAnIndex(string shape)
    {
        await using var db = app.Db();
        await AssertIndexServedAsync(db, db.StaffPage(Dispatcher, StaffFilters[shape], Now).Select(StaffRequestSummary.From(Greek)));
    }

    [Fact]
    public async Task StaffList_SoonestDueFirst_WalksTheOpenRequestsDueIndex()
    {
        await using var db = app.Db();
        // On the test's few rows a sort of a handful is as cheap as the walk, and the planner's pick varies with what the
        // class's other tests stored; with sorting priced out, only an index that gives the order serves the page.
        var filter = StaffFilter() with { Order = StaffRequestOrder.ResolutionDue };
        Assert.Contains("ix_requests_open_resolution_due",
            await WithoutSortingAsync(db, () => AssertIndexServedAsync(db, db.StaffPage(Dispatcher, filter, Now).Select(StaffRequestSummary.From(Greek)))));
    }

    /// <summary>
    /// The plan with sorting priced out, for shapes whose index gives the order at 10⁶ rows but which a sort of the test's
    /// handful of rows would beat. Connections go back to the pool as they are (Open311Database: no reset), so it is undone after.
    /// </summary>
    private static async Task<string> WithoutSortingAsync(Open311Db db, Func<Task<string>> plan)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_sort = off");
        try
        {
            return await plan();
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("RESET enable_sort");
        }
    }

    [Fact]
    public async Task Search_IsIndexServed()
    {
        await using var db = app.Db();
        // On the test's few rows the planner rightly starts the words from the jurisdiction; at 10⁶ a rare word reads
        // ix_requests_search_vector and a word in one request in six the table itself (bench/README.md, plans.txt).
        await AssertIndexServedAsync(db, db.Hits("λάμπα", DemoCatalog.JurisdictionId, publicOnly: false));
    }

    [Fact]
    public async Task WebhookRecipientsQuery_IsServedByAnIndex()
    {
        await using var db = app.Db();
        await AssertIndexServedAsync(db, WebhookConsumer.Subscribers.Compile()(db, DemoCatalog.JurisdictionId, RequestEventKind.StatusChanged.ToOpen311()), "webhook_subscriptions");
    }

    [Fact]
    public async Task UpdatesQuery_IsServedByAnIndex()
    {
        await using var db = app.Db();
        await AssertIndexServedAsync(db, db.PublicUpdates(new UpdateFilter(DemoCatalog.JurisdictionId, Now.AddHours(-2), Now, 1, 1000)));
    }

    [Fact]
    public async Task FeedReplay_IsServedByAnIndex()
    {
        await using var db = app.Db();
        await AssertIndexServedAsync(db, FeedQueries.After(db, Dispatcher, 1, 1000));
        await AssertIndexServedAsync(db, FeedQueries.After(db, new StaffActor(3, DemoCatalog.JurisdictionId, StaffRole.Staff, 5), 1, 1000));
    }

    [Fact]
    public async Task RequestMessages_AreServedByAnIndex()
    {
        await using var db = app.Db();
        await AssertIndexServedAsync(db, db.MessagesAbout(1).OrderBy(m => m.Id), "outbox_messages");
        await AssertIndexServedAsync(db, db.MessagesAbout(1).Where(m => m.Consumer == CitizenSmsConsumer.ConsumerName && m.Recipient == "sms"
            && m.Id > 5 && m.Status == Core.Outbox.DeliveryStatus.Pending).OrderByDescending(m => m.Id).Select(m => m.Id), "outbox_messages");
    }

    [Fact]
    public async Task ReportingPageKey_IsServedByItsIndex()
    {
        await using var db = app.Db();
        Assert.Contains("ux_api_clients_page", await AssertIndexServedAsync(db, Core.Clients.ReportingPageClient.LiveKey(db, DemoCatalog.JurisdictionId), "api_clients"));
    }

    [Fact]
    public async Task DataSubjectLookups_AreServedByAnIndex()
    {
        await using var db = app.Db();
        await AssertIndexServedAsync(db, db.Requests.HeldAbout(DemoCatalog.JurisdictionId, "Someone@Example.gr", null));
        await AssertIndexServedAsync(db, db.Requests.HeldAbout(DemoCatalog.JurisdictionId, null, "+30 691 234 5678"));
    }

    public static TheoryData<string, string> StatisticsShapes()
    {
        var shapes = new TheoryData<string, string>();
        foreach (var grouping in StatisticsGrouping.All)
        {
            shapes.Add(grouping.Name, "dispatcher");
            shapes.Add(grouping.Name, "staff");
        }

        return shapes;
    }

    private static StaffActor ActorFor(string role) => role == "staff" ? new StaffActor(3, DemoCatalog.JurisdictionId, StaffRole.Staff, 5) : Dispatcher;

    [Theory]
    [MemberData(nameof(StatisticsShapes))]
    public async Task StatisticsQuery_IsServedByIndexes(string grouping, string role)
    {
        await using var db = app.Db();
        await AssertIndexServedAsync(db, GroupStatistics.Query(db, ActorFor(role), StatisticsGrouping.Named(grouping)!, Now.AddDays(-30), Now));
    }

    /// <summary>The work-order list in both scopes, with and without a state; their statistics; and the staff list, whose scope now probes work orders.</summary>
    [Theory]
    [InlineData("dispatcher")]
    [InlineData("staff")]
    public async Task WorkOrderQueries_AreServedByIndexes(string role)
    {
        await using var db = app.Db();
        var actor = ActorFor(role);
        await AssertIndexServedAsync(db, db.WorkOrderPage(actor, new WorkOrderFilter(null, null, 1, 50)), "work_orders");
        await AssertIndexServedAsync(db, db.WorkOrderPage(actor, new WorkOrderFilter(5, [WorkOrderState.Open, WorkOrderState.Started], 2, 50)), "work_orders");
        await AssertIndexServedAsync(db, WorkOrderStatistics.Query(db, actor, Now.AddDays(-30), Now), "work_orders");
        await AssertIndexServedAsync(db, db.StaffPage(actor, StaffFilter(), Now).Select(StaffRequestSummary.From(Greek)), "work_orders");
    }

    [Theory]
    [InlineData("day", "dispatcher")]
    [InlineData("month", "staff")]
    public async Task StatisticsSeriesAndSummary_AreServedByIndexes(string interval, string role)
    {
        await using var db = app.Db();
        var jurisdiction = (await app.Services.GetRequiredService<JurisdictionDirectory>().FindAsync(DemoCatalog.JurisdictionId, CancellationToken.None))!;
        await AssertIndexServedAsync(db, StatisticsSeries.Query(db, ActorFor(role), jurisdiction, interval, Now.AddDays(-90), Now));
        await AssertIndexServedAsync(db, StatisticsSummary.Query(db, ActorFor(role), Now, Now.AddHours(-12), Now.AddDays(-20)));
    }

    [Fact]
    public async Task RequestExport_IsServedByAnIndex()
    {
        await using var db = app.Db();
        await AssertIndexServedAsync(db, db.StaffMatches(Dispatcher, StaffFilter() with { From = Now.AddDays(-30) }, Now)
            .Select(ExportedRequest.From(Greek, contact: true)));
    }

    [Fact]
    public async Task EscalationScan_IsServedByItsIndex()
    {
        await using var db = app.Db();
        var plan = await AssertIndexServedAsync(db, EscalationQueries.Due(db, Now, 20));
        Assert.Contains("ix_requests_next_escalation", plan);
    }

    [Fact]
    public async Task ListTagStamp_IsTwoIndexProbes()
    {
        await using var db = app.Db();
        var publicServiceIds = (await PublicNamesAsync()).ServiceIds;
        // Only public requests stamp it, so each end walks its index to the first public one (at 10⁶ rows the first or so).
        var plan = await WithoutSortingAsync(db, () => AssertIndexServedAsync(db, ConditionalGetRequests.ListStamps(db, DemoCatalog.JurisdictionId, Now.AddDays(-90), publicServiceIds)));
        // Each end read by one probe: two limited index scans, no aggregate over the window.
        Assert.True(plan.Contains("ix_requests_updated") && plan.Split("Limit").Length == 3 && !plan.Contains("Aggregate"), plan);
    }

    [Fact]
    public async Task WorkingCalendarRows_AreServedByAnIndex()
    {
        await using var db = app.Db();
        await AssertIndexServedAsync(db, db.WorkingHours.Where(h => h.JurisdictionId == DemoCatalog.JurisdictionId), "working_hours");
        await AssertIndexServedAsync(db, db.CalendarDays.Where(d => d.JurisdictionId == DemoCatalog.JurisdictionId), "calendar_days");
    }

    /// <summary>No sequential scan of the big tables, nor of <paramref name="tables"/>; some index used. Returns the plan, to check which.</summary>
    internal static async Task<string> AssertIndexServedAsync<T>(Open311Db db, IQueryable<T> query, params string[] tables)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN " + command.CommandText;
        command.Transaction = transaction.GetDbTransaction();

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        var text = string.Join('\n', plan);
        AssertIndexServed(text, tables);
        return text;
    }

    private static void AssertIndexServed(string plan, string[] tables)
    {
        foreach (var table in (string[])["service_requests", "request_events", .. tables])
        {
            Assert.DoesNotContain($"Seq Scan on {table}", plan);
        }

        Assert.Matches("Index Scan|Index Only Scan|Bitmap Index Scan", plan);
    }

    /// <summary>The plan PostgreSQL runs for the query prepared with its generic plan forced, as auto_explain reports it to this session.</summary>
    private static async Task<string> GenericPlanOfAsync<T>(Open311Db db, IQueryable<T> query)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("LOAD 'auto_explain'");
        await db.Database.ExecuteSqlRawAsync("""
            SET LOCAL enable_seqscan = off; SET LOCAL plan_cache_mode = force_generic_plan;
            SET LOCAL auto_explain.log_min_duration = 0; SET LOCAL auto_explain.log_level = notice
            """);
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        var notices = new List<string>();
        void Collect(object sender, Npgsql.NpgsqlNoticeEventArgs e) => notices.Add(e.Notice.MessageText);
        connection.Notice += Collect;
        try
        {
            await using var command = query.CreateDbCommand();
            command.Transaction = transaction.GetDbTransaction();
            await command.PrepareAsync();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                }
            }

            // auto_explain reports when the statement's portal closes, which the session's next statement does.
            await db.Database.ExecuteSqlRawAsync("SELECT 1");
        }
        finally
        {
            connection.Notice -= Collect;
        }

        return Assert.Single(notices, n => n.Contains("plan:", StringComparison.Ordinal));
    }
}
