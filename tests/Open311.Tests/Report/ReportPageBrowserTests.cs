using System.Globalization;
using System.Text.RegularExpressions;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Jpeg;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Open311.Core.Clients;
using Open311.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Open311.Tests.Report;

/// <summary>
/// The reporting page in Debian's Chromium (Playwright) against the service on a 127.0.0.1 port with a tile server of its
/// own, as a citizen with only a phone uses it, in Greek. axe-core checks every step; each step's screenshot goes to
/// TestResults/screenshots (report-*.png), and with UPDATE_SCREENSHOTS=1 the filled form also replaces docs/report.png.
/// </summary>
public partial class ReportPageBrowserTests(ReportPageApp app, Chromium chromium) : BrowserTests<ReportPageApp>(app, chromium), IClassFixture<ReportPageApp>, IClassFixture<Chromium>
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    [GeneratedRegex(@"^Σημείο: (-?\d+\.\d+), (-?\d+\.\d+)$")]
    private static partial Regex PointText();

    [Fact]
    public async Task Pothole_ReportedInGreekOnAPhone_WithAPhotoAndEveryDatatype_IsFoundThroughOpen311_AndFollowed()
    {
        await ReportCategory.CreateAsync(App, "L1");
        var here = new Geolocation { Latitude = 35.33870f, Longitude = 25.14420f, Accuracy = 8 };
        var open311 = App.GeoReport();
        var earlier = await DemoRequests.SubmitAsync(App, ("service_code", "L1"), ("lat", "35.33885"), ("long", "25.14410"),
            ("attribute[size]", "small"), ("attribute[depth_cm]", "4"), ("description", "Λακκούβα στη διάβαση του σχολείου"));
        await using var browser = await Browsers.OpenAsync(App.Address, PhoneWidth, PhoneHeight, here);
        var page = browser.Page;

        await page.GotoAsync("/report");
        await Expect(page.Locator("body[data-ready]")).ToHaveCountAsync(1);
        await Expect(page.Locator("h1:visible")).ToHaveTextAsync("Τι θέλετε να αναφέρετε;");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "el");
        var (_, services) = await open311.GetJsonAsync("/services.json?locale=el");
        await Expect(page.Locator("button.category")).ToHaveCountAsync(services.GetArrayLength());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Δρόμοι και πεζοδρόμια" })).ToBeVisibleAsync();
        await StepAsync(browser, "report-1-categories");

        await page.Locator("button.category[data-code='L1']").ClickAsync(); // other tests of this class add categories of the same name
        await Expect(page.Locator("#form-title")).ToHaveTextAsync(ReportCategory.Name);
        await Expect(page.Locator("#form-title")).ToBeFocusedAsync();
        // Required questions are marked, for eyes and for screen readers.
        await Expect(page.GetByRole(AriaRole.Radiogroup, new() { Name = "Μέγεθος" })).ToHaveAttributeAsync("aria-required", "true");
        await Expect(page.Locator("#attr-size legend")).ToHaveTextAsync("Μέγεθος *(υποχρεωτικό)");
        await Expect(page.Locator("label[for='attr-depth_cm']")).ToHaveTextAsync("Βάθος (εκ.) *(υποχρεωτικό)");
        await Expect(page.GetByLabel("Βάθος (εκ.)")).ToHaveAttributeAsync("required", "");
        await Expect(page.Locator("label[for='attr-landmark']")).ToHaveTextAsync("Κοντινό σημάδι");
        await Expect(page.Locator("#map .leaflet-tile-loaded").First).ToBeVisibleAsync();
        await StepAsync(browser, "report-2-form");

        await page.GetByRole(AriaRole.Button, new() { Name = "Χρήση της θέσης μου" }).ClickAsync();
        await Expect(page.Locator("#locate-status")).ToHaveTextAsync("Η θέση σας βρέθηκε (ακρίβεια περίπου 8 μ.).");
        await Expect(page.Locator("#point")).ToHaveTextAsync("Σημείο: 35.33870, 25.14420");
        // Already reported? The open pothole a few metres away is shown before anything is sent.
        await Expect(page.Locator($"#nearby-list li[data-id='{earlier}']")).ToContainTextAsync("Λακκούβα στη διάβαση του σχολείου");
        await Expect(page.Locator($"#nearby-list li[data-id='{earlier}'] button")).ToHaveTextAsync("Παρακολούθηση αυτού αντί για νέα αναφορά");
        await StepAsync(browser, "report-3-already-reported");

        // The citizen moves the pin a little east on the map.
        var map = (await page.Locator("#map").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(map.X + (map.Width / 2) + 60, map.Y + (map.Height / 2));
        var point = PointText().Match(await page.Locator("#point").InnerTextAsync());
        Assert.True(point.Success, await page.Locator("#point").InnerTextAsync());
        var (lat, lon) = (double.Parse(point.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(point.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.True(lon > 25.1442 && Math.Abs(lat - 35.3387) < 0.0002, $"the pin went to {lat}, {lon}");

        await page.GetByRole(AriaRole.Radio, new() { Name = "Μεγάλη" }).CheckAsync();
        await page.GetByLabel("Βάθος (εκ.)").FillAsync("12,5");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Μηχανάκια και ποδήλατα" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Πεζούς" }).CheckAsync();
        await page.GetByLabel("Πότε το προσέξατε;").FillAsync("2026-11-30T08:15");
        await page.GetByLabel("Κοντινό σημάδι").FillAsync("Απέναντι από το περίπτερο");
        await page.GetByLabel("Άλλες λεπτομέρειες").FillAsync("Γεμίζει νερό όταν βρέχει.");
        await page.GetByLabel("Διεύθυνση ή σημείο αναφοράς").FillAsync("Λεωφόρος Κνωσού 45, Ηράκλειο");
        const string description = "Βαθιά λακκούβα στη μέση της λωρίδας, τα μηχανάκια την αποφεύγουν την τελευταία στιγμή.";
        await page.GetByLabel("Περιγραφή", new() { Exact = true }).FillAsync(description);

        var original = await PhonePhotoAsync(page);
        await page.GetByLabel("Επιλογή από τη συλλογή").SetInputFilesAsync(new FilePayload { Name = "IMG_2041.jpg", MimeType = "image/jpeg", Buffer = original });
        await Expect(page.Locator("#photo-status")).ToHaveTextAsync(new Regex(@"^Η φωτογραφία είναι έτοιμη \(1600 × 1067, \d+ KB\)\.$"));
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Η φωτογραφία που θα σταλεί" })).ToBeVisibleAsync();

        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("eleni@example.gr");
        await page.GetByLabel("Ενημέρωση με e-mail").CheckAsync();
        await Expect(page.Locator("#privacy")).ToContainTextAsync("τα διαγράφει 12 μήνες μετά το κλείσιμό του");
        await StepAsync(browser, "report-4-filled", documented: true);

        await page.GetByRole(AriaRole.Button, new() { Name = "Αποστολή" }).ClickAsync();
        await Expect(page.Locator("#done-title")).ToHaveTextAsync("Ευχαριστούμε! Το αίτημα καταχωρήθηκε.");
        await Expect(page.Locator("#done-title")).ToBeFocusedAsync();
        var protocol = await page.Locator("#done-protocol").InnerTextAsync();
        Assert.Matches(@"^\d{4}/\d{6}$", protocol);
        await StepAsync(browser, "report-5-sent");

        // Open311 has it, as any App would find it: description, point, answers and the photo without its metadata.
        var (_, found) = await open311.GetJsonAsync($"/requests.json?protocol_number={protocol}&extensions=true");
        var request = Assert.Single(found.EnumerateArray());
        Assert.Equal("L1", request.GetProperty("service_code").GetString());
        Assert.Equal(description, request.GetProperty("description").GetString());
        Assert.Equal("Λεωφόρος Κνωσού 45, Ηράκλειο", request.GetProperty("address").GetString());
        // The page shows five decimals (a metre) and sends six.
        Assert.Equal(lat, request.GetProperty("lat").GetDouble(), tolerance: 0.000006);
        Assert.Equal(lon, request.GetProperty("long").GetDouble(), tolerance: 0.000006);
        var answers = request.GetProperty("attributes").EnumerateArray()
            .Select(a => $"{a.GetProperty("code").GetString()}={a.GetProperty("value").GetString()}").ToList();
        Assert.Contains("size=large", answers);
        Assert.Contains("depth_cm=12.5", answers);
        Assert.Contains("hazards=bikes", answers);
        Assert.Contains("hazards=walkers", answers);
        Assert.Contains(answers, a => Regex.IsMatch(a, @"^noticed=2026-11-30T08:15:00[+-]\d\d:\d\d$"));
        Assert.Contains("landmark=Απέναντι από το περίπτερο", answers);
        Assert.Contains("details=Γεμίζει νερό όταν βρέχει.", answers);
        var stored = await App.CreateClient().GetByteArrayAsync(new Uri(request.GetProperty("media_url").GetString()!).AbsolutePath);
        var metadata = ImageMetadataReader.ReadMetadata(new MemoryStream(stored));
        Assert.Equal(1600, metadata.OfType<JpegDirectory>().Single().GetImageWidth());
        Assert.Empty(metadata.OfType<GpsDirectory>());
        Assert.Empty(metadata.OfType<ExifIfd0Directory>());
        Assert.Empty(metadata.OfType<ExifSubIfdDirectory>());

        // Sent with the page's own client App, the one settings.json hands out.
        await using (var db = App.Db())
        {
            var id = long.Parse(request.GetProperty("service_request_id").GetString()!, CultureInfo.InvariantCulture);
            var sentBy = await db.Requests.Where(r => r.Id == id).Select(r => r.ApiClientId).SingleAsync();
            var client = await db.ApiClients.SingleAsync(c => c.Id == sentBy);
            Assert.Equal(ReportingPageClient.Name, client.Name);
            Assert.NotNull(client.PageKey);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Παρακολούθηση του αιτήματος" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Αίτημα {protocol}");
        await Expect(page.Locator("dd").First).ToHaveTextAsync(ReportCategory.Name);
        await StepAsync(browser, "report-6-follow");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task AlreadyReported_TheCitizenFollowsItInstead_AndNoNewRequestIsMade()
    {
        await ReportCategory.CreateAsync(App, "L4");
        var here = new Geolocation { Latitude = 35.33870f, Longitude = 25.14420f, Accuracy = 8 };
        var earlier = await DemoRequests.SubmitAsync(App, ("service_code", "L4"), ("lat", "35.33880"), ("long", "25.14415"),
            ("attribute[size]", "small"), ("attribute[depth_cm]", "4"), ("description", "Λακκούβα μπροστά στο φαρμακείο"));
        await using var browser = await Browsers.OpenAsync(App.Address, PhoneWidth, PhoneHeight, here);
        var page = browser.Page;
        await page.GotoAsync("/report");
        await Expect(page.Locator("body[data-ready]")).ToHaveCountAsync(1);
        await page.Locator("button.category[data-code='L4']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Χρήση της θέσης μου" }).ClickAsync();
        var follow = page.Locator($"#nearby-list li[data-id='{earlier}'] button");

        // Without a way to be told, following means nothing: the page asks for it first.
        await follow.ClickAsync();
        await Expect(page.Locator("#follow-status")).ToHaveTextAsync(
            "Για να παρακολουθήσετε ένα αίτημα, γράψτε πιο κάτω e-mail ή κινητό και διαλέξτε πώς θα ενημερώνεστε.");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("nikos.follows@example.gr");
        await page.GetByLabel("Ενημέρωση με e-mail").CheckAsync();
        await follow.ClickAsync();
        await Expect(page.Locator("#follow-status")).ToHaveTextAsync($"Θα ενημερώνεστε για το αίτημα {earlier}. Δεν χρειάζεται νέα αναφορά.");
        await StepAsync(browser, "report-7-followed-instead");

        await using var db = App.Db();
        var follower = await db.RequestFollowers.SingleAsync(f => f.RequestId == earlier);
        Assert.Equal("nikos.follows@example.gr", follower.Email);
        Assert.True(follower.NotifyEmail);
        Assert.Equal("el", follower.Language);
        Assert.Equal(1, await db.Requests.CountAsync(r => r.Service.Code == "L4"));
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task FormTheServerRefuses_ShowsEachErrorAtItsField_Announced_ThenSendsOnceCorrected()
    {
        await ReportCategory.CreateAsync(App, "L2");
        await using var browser = await Browsers.OpenAsync(App.Address, PhoneWidth, PhoneHeight);
        var page = browser.Page;
        await page.GotoAsync("/report");
        await page.Locator("button.category[data-code='L2']").ClickAsync();

        // No place, a depth in words, no size, an e-mail without @, SMS without a number.
        await page.GetByLabel("Βάθος (εκ.)").FillAsync("πολύ βαθιά");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("eleni.example.gr");
        await page.GetByLabel("Ενημέρωση με SMS").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Αποστολή" }).ClickAsync();

        var summary = page.Locator("#error-summary");
        await Expect(summary).ToHaveAttributeAsync("role", "alert");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.Locator("li")).ToHaveCountAsync(5);
        await ExpectErrorAtAsync(page, "attr-depth_cm", "Γράψτε έναν αριθμό, π.χ. 12 ή 3,5.", page.GetByLabel("Βάθος (εκ.)"));
        await ExpectErrorAtAsync(page, "attr-size", "Συμπληρώστε αυτό το πεδίο.", page.GetByRole(AriaRole.Radio, new() { Name = "Μικρή" }));
        await ExpectErrorAtAsync(page, "location", "Δείξτε πού είναι: τη θέση σας, ένα σημείο στον χάρτη ή μια διεύθυνση.", page.GetByLabel("Διεύθυνση ή σημείο αναφοράς"));
        await ExpectErrorAtAsync(page, "email", "Το e-mail δεν είναι σωστό.", page.GetByLabel("E-mail", new() { Exact = true }));
        await ExpectErrorAtAsync(page, "phone", "Για ενημέρωση με SMS γράψτε το κινητό σας.", page.GetByLabel("Κινητό τηλέφωνο"));
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Βάθος (εκ.): Γράψτε έναν αριθμό, π.χ. 12 ή 3,5." })).ToHaveAttributeAsync("href", "#attr-depth_cm");
        await StepAsync(browser, "report-errors");
        Assert.Equal(0, (await App.GeoReport().GetJsonAsync("/requests.json?service_code=L2")).Body.GetArrayLength()); // nothing was stored

        await page.GetByLabel("Βάθος (εκ.)").FillAsync("8");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Μικρή" }).CheckAsync();
        await page.GetByLabel("Διεύθυνση ή σημείο αναφοράς").FillAsync("Οδός Έβανς 10");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("eleni@example.gr");
        await page.GetByLabel("Κινητό τηλέφωνο").FillAsync("6912345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "Αποστολή" }).ClickAsync();
        await Expect(page.Locator("#done-protocol")).ToHaveTextAsync(new Regex(@"^\d{4}/\d{6}$"));
        Assert.All(browser.Errors, error => Assert.Contains("400", error)); // the refusal itself is a 400, and nothing else went wrong
    }

    [Fact]
    public async Task LanguageSwitch_ShowsThePageAndTheCategoriesInEnglish_AndIsKept()
    {
        await ReportCategory.CreateAsync(App, "L3");
        await using var browser = await Browsers.OpenAsync(App.Address, PhoneWidth, PhoneHeight);
        var page = browser.Page;
        await page.GotoAsync("/report");
        // By keyboard alone: the category by Enter, then Tab from the focused heading onwards.
        await page.Locator("button.category[data-code='L3']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#form-title")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#locate")).ToBeFocusedAsync(); // the place comes first, as the form reads
        await page.GetByLabel("Βάθος (εκ.)").FillAsync("7");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#form-title")).ToHaveTextAsync("Pothole in the road");
        // The questions come again in English with the answer kept.
        await Expect(page.GetByLabel("Depth (cm)")).ToHaveValueAsync("7");
        await Expect(page.Locator("#privacy")).ToContainTextAsync("deletes them 12 months after it is closed");
        await StepAsync(browser, "report-english");
        await page.ReloadAsync();
        await Expect(page.Locator("h1:visible")).ToHaveTextAsync("What would you like to report?");
        await Expect(page.Locator("button.category[data-code='L3'] .name")).ToHaveTextAsync("Pothole in the road");
        Assert.Empty(browser.Errors);
    }

    private static async Task ExpectErrorAtAsync(IPage page, string field, string text, ILocator control)
    {
        await Expect(page.Locator($"#err-{field}")).ToHaveTextAsync(text);
        await Expect(control).ToHaveAttributeAsync("aria-invalid", "true");
        var described = await page.Locator($"#{field}").GetAttributeAsync("aria-describedby") ?? "";
        Assert.Contains($"err-{field}", described.Split(' '));
    }

    /// <summary>axe-core finds nothing at this step; its screenshot is kept (and, when asked, becomes the README's picture).</summary>
    private static async Task StepAsync(BrowserPage browser, string name, bool documented = false)
    {
        await Axe.AssertNoViolationsAsync(browser.Page, name);
        var path = await browser.ScreenshotAsync(name);
        if (documented && Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            File.Copy(path, Path.Combine(Chromium.RepositoryRoot, "docs", "report.png"), overwrite: true);
        }
    }

    /// <summary>
    /// A phone's photo: 3000×2000 pixels, drawn by the browser, with the EXIF block of the test photo (camera, GPS) put in
    /// after its start, as a phone's camera writes it.
    /// </summary>
    private static async Task<byte[]> PhonePhotoAsync(IPage page)
    {
        var drawn = Convert.FromBase64String(await page.EvaluateAsync<string>("""
            async () => {
              const canvas = document.createElement('canvas');
              canvas.width = 3000; canvas.height = 2000;
              const g = canvas.getContext('2d');
              const gradient = g.createLinearGradient(0, 0, 3000, 2000);
              gradient.addColorStop(0, '#475569'); gradient.addColorStop(1, '#a8a29e');
              g.fillStyle = gradient; g.fillRect(0, 0, 3000, 2000);
              g.fillStyle = '#1c1917'; g.beginPath(); g.ellipse(1500, 1100, 700, 380, 0, 0, 2 * Math.PI); g.fill();
              const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.9));
              const bytes = new Uint8Array(await blob.arrayBuffer());
              let text = '';
              for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
              return btoa(text);
            }
            """));
        var withGps = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Resources", "photo-with-gps.jpg"));
        var exif = ExifSegment(withGps);
        var photo = drawn[..2].Concat(exif).Concat(drawn[2..]).ToArray();
        Assert.NotEmpty(ImageMetadataReader.ReadMetadata(new MemoryStream(photo)).OfType<GpsDirectory>()); // it does carry a position
        return photo;
    }

    /// <summary>The APP1 (EXIF) segment of a JPEG, marker and length included.</summary>
    private static byte[] ExifSegment(byte[] jpeg)
    {
        for (var at = 2; at + 4 < jpeg.Length;)
        {
            var length = (jpeg[at + 2] << 8) | jpeg[at + 3];
            if (jpeg[at + 1] == 0xE1)
            {
                return jpeg[at..(at + 2 + length)];
            }

            at += 2 + length;
        }

        throw new InvalidOperationException("the test photo has no EXIF segment");
    }
}
