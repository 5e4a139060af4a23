using System.Globalization;
using System.Net;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

/// <summary>"Overdue" has one meaning: the staff list's filter and the dashboard's summary count the same requests.</summary>
public class OverdueTests(Open311App app) : IClassFixture<Open311App>
{
    [Fact]
    public async Task StaffListAndStatistics_CountTheSameOverdueRequests()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var late = await DemoRequests.LightingAsync(app);
        var lateButClosed = await DemoRequests.LightingAsync(app);
        var onTime = await DemoRequests.LightingAsync(app);
        var past = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var future = DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        foreach (var (id, expected) in new[] { (late, past), (lateButClosed, past), (onTime, future) })
        {
            var (set, _) = await dispatcher.PutAsync($"/admin/requests/{id}/expected", new { expected_datetime = expected, version = await dispatcher.VersionAsync(id) });
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        await dispatcher.PostAsync($"/admin/requests/{lateButClosed}/duplicate-of", new { original_id = late, version = await dispatcher.VersionAsync(lateButClosed) });

        var (_, list) = await dispatcher.GetAsync("/admin/requests?overdue=true&page_size=200");
        var (_, summary) = await dispatcher.GetAsync("/admin/statistics/summary");

        var overdue = list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([late], overdue);
        Assert.Equal(overdue.Count, summary.GetProperty("overdue").GetInt64());
    }
}
