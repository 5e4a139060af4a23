using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Open311.Api.GeoReport;
using Open311.Api.Hosting;
using Open311.Core.Requests;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Data;

/// <summary>
/// Every public list query has an index to serve it. The demo tables are small enough that the
/// planner would rightly scan them, so sequential scans are switched off: a query that still
/// scans service_requests has no usable index. bench/README.md shows the plans at 10⁶ rows.
/// </summary>
public class IndexPlanTests(Open311App app) : IClassFixture<Open311App>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

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
        ["ids"] = Filter() with { Ids = [1, 2, 3] },
        ["page 3"] = Filter() with { Page = 3, PageSize = 50 },
    };

    private static RequestFilter Filter() => new() { JurisdictionId = DemoCatalog.JurisdictionId, From = Now.AddDays(-90), To = Now };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task ListQuery_IsServedByAnIndex(string shape)
    {
        await using var db = app.Db();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
        var mapping = app.Services.GetRequiredService<AutoMapper.IConfigurationProvider>();
        await using var command = db.PublicViews(Filters[shape], mapping).CreateDbCommand();
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
        Assert.DoesNotContain("Seq Scan on service_requests", text);
        Assert.Matches("Index Scan|Index Only Scan|Bitmap Index Scan", text);
    }
}
