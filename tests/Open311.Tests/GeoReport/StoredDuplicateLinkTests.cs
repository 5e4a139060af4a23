using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

/// <summary>
/// Links stored before marking refused them (issue 10, part 3): a public request whose duplicate_of points at a
/// private (social-support) request or at another jurisdiction's must not show that id, in any format or list.
/// </summary>
public class StoredDuplicateLinkTests(MultipleJurisdictionsTests.TwoMunicipalities app) : IClassFixture<MultipleJurisdictionsTests.TwoMunicipalities>
{
    private const string Heraklion = "jurisdiction_id=heraklion.gr";

    [Fact]
    public async Task ALinkToAPrivateOrForeignRequest_IsNotShown_ALinkToAPublicOneIs()
    {
        var client = app.GeoReport();
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (recorded, social) = await dispatcher.PostAsync("/admin/requests",
            new { service_code = "014", channel = "phone", address = "Μεραμβέλλου 3", description = "Χρειάζεται φάρμακα" });
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, social.ToString());
        var privateId = social.GetProperty("request").GetProperty("id").GetInt64();
        var foreignId = await SubmitAsync(client);
        var publicId = await SubmitAsync(client);
        var (toPrivate, toForeign, toPublic) = (await SubmitAsync(client), await SubmitAsync(client), await SubmitAsync(client));
        await using (var db = app.Db())
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE service_requests SET jurisdiction_id = 'xanthi.gr', service_id = (SELECT id FROM service_categories WHERE code = 'X1') WHERE id = {foreignId};
                UPDATE service_requests SET duplicate_of_id = {privateId} WHERE id = {toPrivate};
                UPDATE service_requests SET duplicate_of_id = {foreignId} WHERE id = {toForeign};
                UPDATE service_requests SET duplicate_of_id = {publicId} WHERE id = {toPublic};
                """);
        }

        foreach (var (id, shown) in new[] { (toPrivate, (long?)null), (toForeign, null), (toPublic, publicId) })
        {
            var one = await client.GetRequestJsonAsync(Text(id)!, $"?extensions=true&{Heraklion}");
            Assert.Equal(Text(shown), DuplicateOf(one));
            var xml = await client.GetXmlAsync($"/requests/{id}.xml?extensions=true&{Heraklion}");
            Assert.Equal(HttpStatusCode.OK, xml.Response.StatusCode);
            Assert.Equal(Text(shown) ?? "", xml.Body.Descendants("duplicate_of").Single().Value);
        }

        var (_, list) = await client.GetJsonAsync($"/requests.json?service_request_id={toPrivate},{toForeign},{toPublic}&extensions=true&{Heraklion}");
        Assert.Equal([Text(publicId)], list.EnumerateArray().Select(DuplicateOf).Where(d => d is not null));
        var (_, listXml) = await client.GetXmlAsync($"/requests.xml?service_request_id={toPrivate},{toForeign},{toPublic}&extensions=true&{Heraklion}");
        Assert.Equal([Text(publicId)], listXml.Descendants("duplicate_of").Select(d => d.Value).Where(d => d.Length > 0));
        foreach (var hidden in new[] { privateId, foreignId })
        {
            Assert.DoesNotContain($">{hidden}<", listXml.ToString(), StringComparison.Ordinal);
        }
    }

    private static async Task<long> SubmitAsync(GeoReportClient client) => long.Parse(
        await client.SubmitAsync(("jurisdiction_id", "heraklion.gr"), ("service_code", "001"), ("address_string", "Έβανς 1")), CultureInfo.InvariantCulture);

    private static string? DuplicateOf(JsonElement request) =>
        request.GetProperty("extended_attributes").TryGetProperty("duplicate_of", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;

    private static string? Text(long? id) => id?.ToString(CultureInfo.InvariantCulture);
}
