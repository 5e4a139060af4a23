using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Open311.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Open311.Tests.Dashboard;

/// <summary>
/// The supervision page in a real browser (Debian's Chromium through Playwright) against the service on a 127.0.0.1
/// port, on the demo municipality's data plus what each test records. Screenshots go to TestResults/screenshots;
/// with UPDATE_SCREENSHOTS=1 the laptop one also replaces docs/dashboard.png, the README's picture.
/// </summary>
public class DashboardBrowserTests(ListeningApp app, Chromium chromium) : BrowserTests<ListeningApp>(app, chromium), IClassFixture<ListeningApp>, IClassFixture<Chromium>
{
    private static readonly CultureInfo Greek = CultureInfo.GetCultureInfo("el-GR");

    [Fact]
    public async Task SigningIn_ShowsTheStatisticsApisFigures_AndTheOverdueRequestsOpenInsideThePage()
    {
        await DemoRequests.LightingAsync(App);
        var late = await DemoRequests.RoadsAsync(App);
        var dispatcher = await AdminClient.SignInAsync(App, "dispatcher");
        var promised = await dispatcher.PutAsync($"/admin/requests/{late}/expected",
            new { expected_datetime = DateTimeOffset.UtcNow.AddDays(-1).ToString("O", CultureInfo.InvariantCulture), version = await dispatcher.VersionAsync(late) });
        Assert.True(promised.Response.IsSuccessStatusCode, promised.Body.ToString());
        var admin = await AdminClient.SignInAsync(App, "admin");
        var area = await admin.PostAsync("/admin/areas", new
        {
            name = "Κέντρο",
            department_id = await DemoRequests.DepartmentIdAsync(App, "Street Lighting Section"),
            geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 25.12, 35.32 }, [25.16, 35.32], [25.16, 35.35], [25.12, 35.35], [25.12, 35.32] } } },
        });
        Assert.True(area.Response.IsSuccessStatusCode, area.Body.ToString());
        await using var browser = await Browsers.OpenAsync(App.Address);
        var page = browser.Page;

        await SignInAsync(page, "viewer");

        var api = await AdminClient.SignInAsync(App, "viewer");
        var summary = await GetAsync(api, "/admin/statistics/summary?locale=el");
        await Expect(page.Locator("#figure-open")).ToHaveAttributeAsync("data-value", summary.GetProperty("open").GetRawText());
        await Expect(page.Locator("#figure-overdue")).ToHaveAttributeAsync("data-value", summary.GetProperty("overdue").GetRawText());
        await Expect(page.Locator("#figure-received-today")).ToHaveAttributeAsync("data-value", summary.GetProperty("received_today").GetRawText());
        var median = summary.GetProperty("median_hours_to_close_this_month");
        await Expect(page.Locator("#figure-median")).ToHaveAttributeAsync("data-value", median.ValueKind == JsonValueKind.Null ? "" : median.GetRawText());
        await Expect(page.Locator("#figure-open")).ToHaveTextAsync(summary.GetProperty("open").GetInt32().ToString("N0", Greek));
        Assert.True(summary.GetProperty("received_today").GetInt32() >= 2, summary.ToString());

        var statistics = await GetAsync(api, "/admin/statistics?group_by=department&locale=el");
        var rows = statistics.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        await Expect(page.Locator("#backlog tbody tr")).ToHaveCountAsync(rows.Count);
        foreach (var row in rows)
        {
            var line = page.Locator($"#backlog tbody tr[data-key='{row.GetProperty("key").GetString()}']");
            await Expect(line.Locator("th")).ToHaveTextAsync(row.GetProperty("label").GetString()!);
            await Expect(line.Locator("td")).ToHaveTextAsync(
                new[] { "backlog", "received", "resolved" }.Select(name => row.GetProperty(name).GetInt32().ToString("N0", Greek)).ToArray());
        }

        var series = await GetAsync(api, "/admin/statistics/series?interval=day&locale=el");
        var received = series.GetProperty("points").EnumerateArray().Sum(point => point.GetProperty("received").GetInt32());
        await Expect(page.Locator("#trend svg polyline")).ToHaveCountAsync(2);
        await Expect(page.Locator("#trend svg")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"^Τελευταίες 30 ημέρες: {received.ToString("N0", Greek)} νέα"));

        var overdue = (await GetAsync(api, "/admin/requests?overdue=true&page_size=20&locale=el")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(overdue, request => request.GetProperty("id").GetInt64() == late);
        Assert.True(summary.GetProperty("overdue").GetInt32() >= 1, summary.ToString());
        await Expect(page.Locator("#overdue-list li")).ToHaveCountAsync(overdue.Count);

        // Areas and open requests are drawn, without any tile server.
        var areas = (await GetAsync(api, "/admin/areas")).GetArrayLength();
        await Expect(page.Locator("#map path.area")).ToHaveCountAsync(areas);
        // Every open request of the demo municipality and of this test has a point.
        var placed = summary.GetProperty("open").GetInt32();
        await Expect(page.Locator("#map path.request")).ToHaveCountAsync(placed);
        await Expect(page.Locator("#map-count")).ToHaveTextAsync($"{placed.ToString("N0", Greek)} στον χάρτη");
        Assert.Equal(0, await page.Locator("#map .leaflet-tile").CountAsync());

        await SaveDocumentedScreenshotAsync(browser, "dashboard-laptop");

        var first = overdue[0].GetProperty("id").GetInt64();
        await page.Locator($"#overdue-list li[data-id='{first}'] a").ClickAsync();
        await Expect(page.Locator("#detail")).ToBeVisibleAsync();
        await Expect(page.Locator("#detail-title")).ToHaveTextAsync($"Αίτημα {overdue[0].GetProperty("protocol_number").GetString()}");
        await Expect(page.Locator("#detail-history li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#detail")).ToBeFocusedAsync();
        await browser.ScreenshotAsync("dashboard-request");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task RequestRecordedWhileThePageIsOpen_AppearsThroughTheLiveFeed()
    {
        await using var browser = await Browsers.OpenAsync(App.Address);
        var page = browser.Page;
        await SignInAsync(page, "dispatcher");
        await Expect(page.Locator("#live-state")).ToHaveAttributeAsync("data-state", "live");
        var openBefore = int.Parse(await page.Locator("#figure-open").GetAttributeAsync("data-value") ?? "", CultureInfo.InvariantCulture);

        var id = await DemoRequests.LightingAsync(App);

        var api = await AdminClient.SignInAsync(App, "dispatcher");
        var protocol = (await api.RequestAsync(id)).GetProperty("request").GetProperty("protocol_number").GetString()!;
        await Expect(page.Locator($"#fresh li[data-id='{id}']")).ToContainTextAsync(protocol);
        // The figures follow (one debounced refresh after the event), still equal to the API's.
        await Expect(page.Locator("#figure-open")).ToHaveAttributeAsync("data-value", (openBefore + 1).ToString(CultureInfo.InvariantCulture));
        var summary = await GetAsync(api, "/admin/statistics/summary");
        Assert.Equal(openBefore + 1, summary.GetProperty("open").GetInt32());
        await browser.ScreenshotAsync("dashboard-live");

        await page.Locator($"#fresh li[data-id='{id}'] a").ClickAsync();
        await Expect(page.Locator("#detail-title")).ToHaveTextAsync($"Αίτημα {protocol}");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task LanguageSwitch_ShowsThePageAndTheApisNamesInEnglish_AndSigningOutForgetsTheToken()
    {
        await using var browser = await Browsers.OpenAsync(App.Address);
        var page = browser.Page;
        await SignInAsync(page, "admin");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Εποπτεία αιτημάτων");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Request supervision");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Backlog per department" })).ToBeVisibleAsync();
        var api = await AdminClient.SignInAsync(App, "admin");
        var rows = (await GetAsync(api, "/admin/statistics?group_by=department&locale=en")).GetProperty("rows").EnumerateArray().ToList();
        foreach (var row in rows)
        {
            await Expect(page.Locator($"#backlog tbody tr[data-key='{row.GetProperty("key").GetString()}'] th")).ToHaveTextAsync(row.GetProperty("label").GetString()!);
        }

        // The choice and the session outlive a reload (localStorage, sessionStorage).
        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Request supervision");
        await Expect(page.Locator("#board")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("dashboard-english");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByLabel("Username")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('open311.dashboard.session')"));
        await page.ReloadAsync();
        await Expect(page.Locator("#board")).ToBeHiddenAsync();
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task WrongPassword_IsToldAndShowsNothing()
    {
        await using var browser = await Browsers.OpenAsync(App.Address);
        var page = browser.Page;
        await page.GotoAsync("/dashboard");

        await page.GetByLabel("Όνομα χρήστη").FillAsync("viewer");
        await page.GetByLabel("Κωδικός").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Σύνδεση", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Λάθος όνομα χρήστη ή κωδικός.");
        await Expect(page.Locator("#board")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task OnAPhone_ThePageFitsTheScreen()
    {
        await using var browser = await Browsers.OpenAsync(App.Address, width: 390, height: 844);
        var page = browser.Page;
        await SignInAsync(page, "viewer");
        await browser.ScreenshotAsync("dashboard-phone");

        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]}px wide on a {widths[1]}px screen");
        foreach (var card in await page.Locator("#board :is(.figure, .card, .map):visible").AllAsync())
        {
            var box = await card.BoundingBoxAsync();
            Assert.True(box is { } b && b.X >= 0 && b.X + b.Width <= 390.5, $"{await card.GetAttributeAsync("class")} at {box?.X} is {box?.Width}px wide");
        }

        Assert.Empty(browser.Errors);
    }

    /// <summary>Signs in as a person would, by the form's labels, and waits for the first figures.</summary>
    private static async Task SignInAsync(IPage page, string username)
    {
        await page.GotoAsync("/dashboard");
        await page.GetByLabel("Όνομα χρήστη").FillAsync(username);
        await page.GetByLabel("Κωδικός").FillAsync(Api.Hosting.DemoStaff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Σύνδεση", Exact = true }).ClickAsync();
        await Expect(page.Locator("body[data-refreshed]")).ToHaveCountAsync(1);
    }

    private static async Task<JsonElement> GetAsync(AdminClient api, string path)
    {
        var (response, body) = await api.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>The README's picture is this test's screenshot, refreshed on request rather than on every run.</summary>
    private static async Task SaveDocumentedScreenshotAsync(BrowserPage browser, string name)
    {
        var path = await browser.ScreenshotAsync(name);
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            File.Copy(path, Path.Combine(Chromium.RepositoryRoot, "docs", "dashboard.png"), overwrite: true);
        }
    }
}
