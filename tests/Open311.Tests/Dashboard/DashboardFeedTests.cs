using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Open311.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Open311.Tests.Dashboard;

/// <summary>The page's live feed across the stream ends the service makes (here every 3 s instead of 5 min).</summary>
public class DashboardFeedTests(DashboardFeedTests.ShortStreamsApp app, Chromium chromium) : BrowserTests<DashboardFeedTests.ShortStreamsApp>(app, chromium), IClassFixture<DashboardFeedTests.ShortStreamsApp>, IClassFixture<Chromium>
{
    public sealed class ShortStreamsApp : ListeningApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Feed:MaxStreamDuration", "00:00:03")];
    }


    [Fact]
    public async Task EndedStream_IsReopenedWithLastEventId_AndLaterRequestsStillAppear()
    {
        await using var browser = await Browsers.OpenAsync(App.Address);
        var page = browser.Page;
        var streams = new List<IRequest>();
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath == "/admin/events")
            {
                lock (streams)
                {
                    streams.Add(request);
                }
            }
        };
        await page.GotoAsync("/dashboard");
        await page.GetByLabel("Όνομα χρήστη").FillAsync("dispatcher");
        await page.GetByLabel("Κωδικός").FillAsync(Api.Hosting.DemoStaff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Σύνδεση", Exact = true }).ClickAsync();
        await Expect(page.Locator("#live-state")).ToHaveAttributeAsync("data-state", "live");

        var first = await DemoRequests.LightingAsync(App);
        await Expect(page.Locator($"#fresh li[data-id='{first}']")).ToHaveCountAsync(1);
        var seen = await App.Db().RequestEvents.Where(e => e.RequestId == first).MaxAsync(e => e.Id);

        // The stream that carried it ends; a later one names the last event it had, so nothing in between is lost.
        var expected = seen.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Eventually.TrueAsync(() =>
        {
            lock (streams)
            {
                return streams.Any(stream => stream.Headers.GetValueOrDefault("last-event-id") == expected);
            }
        });

        var second = await DemoRequests.RoadsAsync(App);
        await Expect(page.Locator($"#fresh li[data-id='{second}']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#fresh li")).ToHaveCountAsync(2);
        Assert.Empty(browser.Errors);
    }
}
