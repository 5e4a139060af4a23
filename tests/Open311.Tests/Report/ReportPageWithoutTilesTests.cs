using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Open311.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Open311.Tests.Report;

/// <summary>On a closed network with no tile server: no map, and the address and the device's location still place a report.</summary>
public class ReportPageWithoutTilesTests(ListeningApp app, Chromium chromium) : BrowserTests<ListeningApp>(app, chromium), IClassFixture<ListeningApp>, IClassFixture<Chromium>
{

    [Fact]
    public async Task WithoutTiles_TheMapIsLeftOut_AndAnAddressIsEnough_EvenWhenLocationIsRefused()
    {
        await using var browser = await Browsers.OpenAsync(App.Address, 390, 844);
        var page = browser.Page;
        await page.GotoAsync("/report");
        await page.Locator("button.category[data-code='005']").ClickAsync();
        await Expect(page.Locator("#map-block")).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Χρήση της θέσης μου" }).ClickAsync();
        await Expect(page.Locator("#locate-status")).ToHaveTextAsync("Δεν δόθηκε άδεια για τη θέση σας. Σημειώστε το σημείο στον χάρτη ή γράψτε μια διεύθυνση.");
        await page.GetByLabel("Διεύθυνση ή σημείο αναφοράς").FillAsync("Πλατεία Ελευθερίας, Ηράκλειο");
        await page.GetByRole(AriaRole.Radio).First.CheckAsync();
        await Axe.AssertNoViolationsAsync(page, "without tiles");
        await browser.ScreenshotAsync("report-without-tiles");
        await page.GetByRole(AriaRole.Button, new() { Name = "Αποστολή" }).ClickAsync();

        await Expect(page.Locator("#done-protocol")).ToHaveTextAsync(new Regex(@"^\d{4}/\d{6}$"));
        var protocol = await page.Locator("#done-protocol").InnerTextAsync();
        var (_, found) = await App.GeoReport().GetJsonAsync($"/requests.json?protocol_number={protocol}");
        Assert.Equal("Πλατεία Ελευθερίας, Ηράκλειο", found[0].GetProperty("address").GetString());
        Assert.Empty(browser.Errors);
    }
}
