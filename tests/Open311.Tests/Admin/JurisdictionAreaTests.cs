using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

/// <summary>The jurisdiction's area box, for administrators: read, set (checked, audited) and cleared; intake follows it.</summary>
public class JurisdictionAreaTests(Open311App app) : IClassFixture<Open311App>
{
    private const string Path = "/admin/jurisdiction/area";

    [Fact]
    public async Task TheBox_IsReadSetAndCleared_AndIntakeFollowsIt()
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (read, demo) = await admin.GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(34.8, demo.GetProperty("south").GetDouble());

        // Around Knossos only: the city centre (35.3387, 25.1442) now falls outside.
        var (set, box) = await admin.PutAsync(Path, new { south = 35.28, west = 25.15, north = 35.31, east = 25.18 });
        Assert.True(set.StatusCode == HttpStatusCode.OK, box.ToString());
        Assert.Equal(35.31, (await admin.GetAsync(Path)).Body.GetProperty("north").GetDouble());
        await Eventually.TrueAsync(async () => (await SubmitAtAsync("35.3387", "25.1442")).StatusCode == HttpStatusCode.BadRequest);
        Assert.Contains("outside the area", await GeoReportClient.AssertJsonErrorAsync(await SubmitAtAsync("35.3387", "25.1442"), HttpStatusCode.BadRequest),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SubmitAtAsync("35.2980", "25.1630")).StatusCode);

        var (cleared, none) = await admin.PutAsync(Path, new { south = (double?)null, west = (double?)null, north = (double?)null, east = (double?)null });
        Assert.True(cleared.StatusCode == HttpStatusCode.OK, none.ToString());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("south").ValueKind);
        // Intake reads the jurisdiction from its cache, renewed by the catalogue's change notification a moment after the save.
        await Eventually.TrueAsync(async () => (await SubmitAtAsync("0", "0")).StatusCode == HttpStatusCode.OK);

        var (_, trail) = await admin.GetAsync("/admin/audit?entity=jurisdiction&entity_id=heraklion.gr");
        Assert.Contains(trail.EnumerateArray(), e => e.GetRawText().Contains("area_north", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"south\":35.4,\"west\":24.6,\"north\":35.2,\"east\":25.9}", "south")]
    [InlineData("{\"south\":34.8,\"west\":25.9,\"north\":36.1,\"east\":24.6}", "west")]
    [InlineData("{\"south\":-95,\"west\":24.6,\"north\":36.1,\"east\":25.9}", "south")]
    [InlineData("{\"south\":34.8,\"west\":24.6,\"north\":36.1,\"east\":181}", "east")]
    [InlineData("{\"south\":34.8,\"west\":null,\"north\":null,\"east\":null}", "west")]
    public async Task ABoxThatIsNotOne_IsRefusedAndNothingChanges(string json, string field)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var before = (await admin.GetAsync(Path)).Body.GetRawText();

        var problem = AdminClient.AssertProblem(await admin.PutAsync(Path, JsonNode.Parse(json)), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, (await admin.GetAsync(Path)).Body.GetRawText());
    }

    [Fact]
    public async Task OnlyAnAdministrator_ChangesTheBox()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");

        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PutAsync(Path, new { south = 0, west = 0, north = 1, east = 1 })).Response.StatusCode);
    }

    private Task<HttpResponseMessage> SubmitAtAsync(string lat, string @long) =>
        app.GeoReport().PostAsync("json", ("api_key", DemoData.ApiKey), ("service_code", "001"), ("lat", lat), ("long", @long));
}
