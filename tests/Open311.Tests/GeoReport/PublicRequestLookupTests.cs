using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311.Api.GeoReport;
using Open311.Core.Catalog;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

/// <summary>
/// GET requests/{id} reads its row by hand (<see cref="PublicRequestLookup"/>), every other public read through
/// <see cref="RequestView.FromRow"/>: the two must give the same request, column for column, null or not, and the
/// hand-written one must keep to the same rule of what Open311 shows.
/// </summary>
public class PublicRequestLookupTests(Open311App app) : IClassFixture<Open311App>
{
    private const string Heraklion = "heraklion.gr";

    [Fact]
    public async Task EveryColumn_IsReadAsTheProjectionOfEveryOtherPublicReadReadsIt()
    {
        var client = app.GeoReport();
        var plain = await client.SubmitAsync(("service_code", "001"), ("lat", "35.3387"), ("long", "25.1442"));
        var full = await client.SubmitAsync(("service_code", "002"), ("address_string", "Δικαιοσύνης 10"), ("address_id", "A-17"),
            ("zipcode", "71202"), ("description", "Λακκούβα στο ρεύμα"), ("media_url", "https://photos.example.org/17.jpg"));
        await using (var db = app.Db())
        {
            // The columns a submission leaves empty or set: each one both ways, the expected time from staff and from the service level.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE service_requests SET status = 'closed', status_notes = 'Αποκαταστάθηκε', department_id = NULL, lat = NULL, long = NULL,
                    expected_at = NULL, resolution_due_at = now() + interval '3 days', media_id = gen_random_uuid()
                WHERE id = {long.Parse(plain, CultureInfo.InvariantCulture)}
                """);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE service_requests SET expected_at = now() + interval '1 day', resolution_due_at = now() + interval '5 days'
                WHERE id = {long.Parse(full, CultureInfo.InvariantCulture)}
                """);
        }

        var names = await PublicNamesAsync();
        await using var reads = app.Db();
        var expected = await reads.Requests.AsNoTracking()
            .Where(r => r.JurisdictionId == Heraklion && names.ServiceIds.Contains(r.ServiceId))
            .Select(RequestView.FromRow).ToListAsync();
        Assert.Contains(expected, v => v.Id.ToString(CultureInfo.InvariantCulture) == plain && v.Lat is null && v.MediaId is not null && v.ExpectedAt is not null);
        Assert.Contains(expected, v => v.Id.ToString(CultureInfo.InvariantCulture) == full && v.ExternalMediaUrl is not null && v.AddressId == "A-17");

        var lookup = app.Services.GetRequiredService<PublicRequestLookup>();
        foreach (var view in expected)
        {
            var (found, fromPrimary) = await lookup.FindAsync(Heraklion, view.Id, names, CancellationToken.None);
            Assert.Equal(view, found);
            Assert.False(fromPrimary);
        }
    }

    [Fact]
    public async Task APrivateCategorysRequest_AnotherJurisdictionsAndNoSuchId_AreNotFound()
    {
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (recorded, social) = await dispatcher.PostAsync("/admin/requests",
            new { service_code = "014", channel = "phone", address = "Μεραμβέλλου 3", description = "Χρειάζεται φάρμακα" });
        Assert.True(recorded.IsSuccessStatusCode, social.ToString());
        var privateId = social.GetProperty("request").GetProperty("id").GetInt64();
        var publicId = long.Parse(await app.GeoReport().SubmitAsync(("service_code", "001"), ("address_string", "Κνωσού 1")), CultureInfo.InvariantCulture);
        var names = await PublicNamesAsync();
        var lookup = app.Services.GetRequiredService<PublicRequestLookup>();

        Assert.NotNull((await lookup.FindAsync(Heraklion, publicId, names, CancellationToken.None)).Row);
        Assert.Null((await lookup.FindAsync(Heraklion, privateId, names, CancellationToken.None)).Row);
        Assert.Null((await lookup.FindAsync("chania.gr", publicId, names, CancellationToken.None)).Row);
        Assert.Null((await lookup.FindAsync(Heraklion, long.MaxValue, names, CancellationToken.None)).Row);
    }

    private async Task<PublicNames> PublicNamesAsync() =>
        (await app.Services.GetRequiredService<CatalogCache>().ForAsync(Heraklion, CancellationToken.None)).Names;
}
