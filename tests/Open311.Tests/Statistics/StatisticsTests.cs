using System.Net;
using System.Text.Json;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Statistics;

/// <summary>Every figure of the statistics contract (/work/stats-contract.md) on the known week of <see cref="StatisticsApp"/>.</summary>
public class StatisticsTests(StatisticsApp app) : IClassFixture<StatisticsApp>
{
    private const string Week = "from=2025-01-13T00:00:00%2B02:00&to=2025-01-20T00:00:00%2B02:00";

    private async Task<JsonElement> GetAsync(string username, string path)
    {
        await app.ReadyAsync();
        var (response, body) = await app.As(username).GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static JsonElement Row(JsonElement report, string key) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    private static void AssertTimes(JsonElement durations, double? median, double? p90, double? workingMedian, double? workingP90)
    {
        static double? Hours(JsonElement d, string name) => d.GetProperty(name).ValueKind == JsonValueKind.Null ? null : d.GetProperty(name).GetDouble();
        Assert.Equal(median, Hours(durations, "median_hours"));
        Assert.Equal(p90, Hours(durations, "p90_hours"));
        Assert.Equal(workingMedian, Hours(durations, "median_working_hours"));
        Assert.Equal(workingP90, Hours(durations, "p90_working_hours"));
    }

    [Fact]
    public async Task Totals_CountTheWeekAndMeasureCalendarAndWorkingTime()
    {
        var report = await GetAsync("admin", $"/admin/statistics?{Week}");
        var totals = report.GetProperty("totals");

        Assert.Equal("department", report.GetProperty("group_by").GetString());
        Assert.Equal("2025-01-13T00:00:00+02:00", report.GetProperty("from").GetString());
        Assert.Equal(6, totals.GetProperty("received").GetInt64());     // A–F
        Assert.Equal(4, totals.GetProperty("resolved").GetInt64());     // A, B, D, E (F on Monday 20)
        Assert.Equal(2, totals.GetProperty("backlog").GetInt64());      // C, F open at Monday 00:00
        Assert.Equal(1, totals.GetProperty("reopened").GetInt64());     // D
        Assert.Equal(1, totals.GetProperty("duplicates").GetInt64());   // E
        Assert.Equal(0.6667, totals.GetProperty("within_target").GetDouble()); // A, B met; D not; E has no target
        // Responses A 1, E 1, B 21, D 48 calendar hours; 1, 1, 3.5, 13 working. Medians between the middle two, p90 at 2.7 of 0..3.
        AssertTimes(totals.GetProperty("response"), 11, 39.9, 2.25, 10.15);
        // Resolutions E 1, A 3, B 21, D 51 calendar hours; E 1, A 3, B 3.5, D 14 working (the reopened hour counts, the weekend not).
        AssertTimes(totals.GetProperty("resolution"), 12, 42, 3.25, 10.85);
    }

    [Fact]
    public async Task ByDepartment_SplitsTheFiguresWithLabelsInTheCallersLanguage()
    {
        var greek = await GetAsync("admin", $"/admin/statistics?group_by=department&{Week}");
        var english = await GetAsync("admin", $"/admin/statistics?group_by=department&{Week}&locale=en");
        var lightingId = (await DemoRequests.DepartmentIdAsync(app, "Street Lighting Section")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var roadsId = (await DemoRequests.DepartmentIdAsync(app, "Roads Section")).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var lighting = Row(greek, lightingId);
        Assert.Equal("Τμήμα Ηλεκτροφωτισμού", lighting.GetProperty("label").GetString());
        Assert.Equal("Street Lighting Section", Row(english, lightingId).GetProperty("label").GetString());
        Assert.Equal([4, 3, 1, 1, 0], new[] { "received", "resolved", "backlog", "reopened", "duplicates" }.Select(f => lighting.GetProperty(f).GetInt64()));
        Assert.Equal(0.6667, lighting.GetProperty("within_target").GetDouble());
        var roads = Row(greek, roadsId);
        Assert.Equal([2, 1, 1, 0, 1], new[] { "received", "resolved", "backlog", "reopened", "duplicates" }.Select(f => roads.GetProperty(f).GetInt64()));
        Assert.Equal(JsonValueKind.Null, roads.GetProperty("within_target").ValueKind);
        AssertTimes(roads.GetProperty("resolution"), 1, 1, 1, 1);
        Assert.Equal(2, greek.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task ByCategoryChannelAssigneeAndArea_KeyEachGroup()
    {
        var category = await GetAsync("admin", $"/admin/statistics?group_by=category&{Week}&locale=en");
        Assert.Equal("Street lighting fault", Row(category, "006").GetProperty("label").GetString());
        Assert.Equal(4, Row(category, "006").GetProperty("received").GetInt64());

        var channel = await GetAsync("admin", $"/admin/statistics?group_by=channel&{Week}");
        Assert.Equal("open311", Row(channel, "open311").GetProperty("label").GetString());
        Assert.Equal(6, Row(channel, "open311").GetProperty("received").GetInt64());

        // Assigned on Monday 20th, after the week: grouping is by who holds the request now.
        var assignee = await GetAsync("admin", $"/admin/statistics?group_by=assignee&{Week}");
        await using var db = app.Db();
        var lightingAccount = db.StaffAccounts.Single(s => s.Username == "lighting");
        var byLighting = Row(assignee, lightingAccount.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(lightingAccount.DisplayName, byLighting.GetProperty("label").GetString());
        Assert.Equal([2, 2, 0], new[] { "received", "resolved", "backlog" }.Select(f => byLighting.GetProperty(f).GetInt64()));
        var unassigned = Row(assignee, "(none)");
        Assert.Equal([3, 2, 1], new[] { "received", "resolved", "backlog" }.Select(f => unassigned.GetProperty(f).GetInt64())); // D, E, F

        // Areas come from routing at intake: the figures follow the areas the requests were given.
        var area = await GetAsync("admin", $"/admin/statistics?group_by=area&{Week}");
        var expected = db.Requests.AsEnumerable().GroupBy(r => r.AreaId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)")
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var names = db.DepartmentAreas.ToDictionary(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a => a.Name);
        Assert.Equal(expected, area.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("received").GetInt64()));
        Assert.All(area.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("key").GetString() != "(none)"),
            r => Assert.Equal(names[r.GetProperty("key").GetString()!], r.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task Series_ByDay_HasEveryDayWithBacklogAtItsEnd()
    {
        var series = await GetAsync("admin", "/admin/statistics/series?interval=day&from=2025-01-13T00:00:00%2B02:00&to=2025-01-21T00:00:00%2B02:00");

        var points = series.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(13, 8).Select(d => $"2025-01-{d}T00:00:00+02:00"), points.Select(p => p.GetProperty("start").GetString()));
        Assert.Equal([2, 1, 1, 1, 0, 1, 0, 0], points.Select(p => p.GetProperty("received").GetInt64()));
        Assert.Equal([1, 1, 0, 1, 1, 0, 0, 1], points.Select(p => p.GetProperty("resolved").GetInt64()));
        Assert.Equal([1, 1, 2, 2, 1, 2, 2, 1], points.Select(p => p.GetProperty("backlog").GetInt64()));
    }

    [Fact]
    public async Task Series_ByWeekAndMonth_StartOnMondayAndOnTheFirst()
    {
        var weeks = await GetAsync("admin", "/admin/statistics/series?interval=week&from=2025-01-15T00:00:00%2B02:00&to=2025-01-27T00:00:00%2B02:00");
        var months = await GetAsync("admin", "/admin/statistics/series?interval=month&from=2025-01-01T00:00:00%2B02:00&to=2025-03-01T00:00:00%2B02:00");

        var week = weeks.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["2025-01-13T00:00:00+02:00", "2025-01-20T00:00:00+02:00"], week.Select(p => p.GetProperty("start").GetString()));
        // From Wednesday 15th: D, E, F received; of A, B, C before it only C was still open.
        Assert.Equal([3, 0], week.Select(p => p.GetProperty("received").GetInt64()));
        Assert.Equal([2, 1], week.Select(p => p.GetProperty("resolved").GetInt64()));
        Assert.Equal([2, 1], week.Select(p => p.GetProperty("backlog").GetInt64()));
        var month = months.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["2025-01-01T00:00:00+02:00", "2025-02-01T00:00:00+02:00"], month.Select(p => p.GetProperty("start").GetString()));
        Assert.Equal([6, 0], month.Select(p => p.GetProperty("received").GetInt64()));
        Assert.Equal([5, 0], month.Select(p => p.GetProperty("resolved").GetInt64()));
        Assert.Equal([1, 1], month.Select(p => p.GetProperty("backlog").GetInt64()));
    }

    [Fact]
    public async Task Summary_IsTheHeadlineNow()
    {
        var summary = await GetAsync("admin", "/admin/statistics/summary");

        Assert.Equal("2025-01-20T12:00:00+02:00", summary.GetProperty("as_of").GetString());
        Assert.Equal(1, summary.GetProperty("open").GetInt64());           // C
        Assert.Equal(0, summary.GetProperty("overdue").GetInt64());        // no expected time was set
        Assert.Equal(0, summary.GetProperty("received_today").GetInt64());
        // Resolved since 1 January: E 1, A 3, B 21, F 47, D 51 calendar hours; E 1, F 1, A 3, B 3.5, D 14 working.
        Assert.Equal(21, summary.GetProperty("median_hours_to_close_this_month").GetDouble());
        Assert.Equal(3, summary.GetProperty("median_working_hours_to_close_this_month").GetDouble());
    }

    [Fact]
    public async Task StaffAccount_SeesOnlyItsDepartment()
    {
        var roads = await GetAsync("roads", $"/admin/statistics?group_by=category&{Week}");
        var summary = await GetAsync("roads", "/admin/statistics/summary");
        var series = await GetAsync("lighting", "/admin/statistics/series?interval=week&from=2025-01-13T00:00:00%2B02:00&to=2025-01-20T00:00:00%2B02:00");

        Assert.Equal(["005"], roads.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(2, roads.GetProperty("totals").GetProperty("received").GetInt64());
        Assert.Equal(1, summary.GetProperty("open").GetInt64());
        Assert.Equal([4], series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("received").GetInt64()));
        Assert.Equal(6, (await GetAsync("viewer", $"/admin/statistics?{Week}")).GetProperty("totals").GetProperty("received").GetInt64());
    }

    [Theory]
    [InlineData("/admin/statistics?group_by=colour", "group_by")]
    [InlineData("/admin/statistics?from=yesterday", "from")]
    [InlineData("/admin/statistics?from=2025-01-20T00:00:00Z&to=2025-01-13T00:00:00Z", "to")]
    [InlineData("/admin/statistics/series?interval=hour", "interval")]
    [InlineData("/admin/statistics/series?interval=day&from=2020-01-01T00:00:00Z&to=2025-01-01T00:00:00Z", "to")]
    [InlineData("/admin/statistics/export.csv?group_by=colour", "group_by")]
    [InlineData("/admin/requests/export.csv?department_id=x", "department_id")]
    [InlineData("/admin/requests/export.geojson?from=monday", "from")]
    public async Task BadInput_IsAProblemNamingTheField(string path, string field)
    {
        await app.ReadyAsync();
        var problem = AdminClient.AssertProblem(await app.As("admin").GetAsync(path), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
