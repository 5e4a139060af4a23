using Microsoft.EntityFrameworkCore;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

public class ConcurrencyTests(Open311App app) : IClassFixture<Open311App>
{
    [Fact]
    public async Task ConcurrentSubmissions_AllStoredWithGapFreeProtocolNumbers()
    {
        const int count = 40;
        int lastBefore;
        await using (var db = app.Db())
        {
            lastBefore = await db.ProtocolCounters.MaxAsync(c => c.LastNumber);
        }

        var client = app.GeoReport();
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            client.SubmitAsync(("service_code", "001"), ("lat", "35.33"), ("long", "25.13"), ("description", $"ταυτόχρονο {i}"))));

        Assert.Equal(count, ids.Distinct().Count());
        await using var check = app.Db();
        var numbers = await check.Requests
            .Where(r => r.Description!.StartsWith("ταυτόχρονο"))
            .Select(r => r.ProtocolNumber)
            .ToListAsync();
        var sequence = numbers.Select(n => int.Parse(n.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(lastBefore + 1, count), sequence);
    }
}
