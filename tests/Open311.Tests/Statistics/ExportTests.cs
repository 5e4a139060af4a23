using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;

namespace Open311.Tests.Statistics;

/// <summary>The CSV and GeoJSON exports on the known set of <see cref="StatisticsApp"/>: format, scope, filters, contact data by role, the audit entry.</summary>
public class ExportTests(StatisticsApp app) : IClassFixture<StatisticsApp>
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private async Task<(HttpResponseMessage Response, byte[] Bytes)> DownloadAsync(string username, string path)
    {
        await app.ReadyAsync();
        var response = await app.As(username).Http.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        return (response, bytes);
    }

    /// <summary>The lines of a CSV download, after checking that it starts with the UTF-8 byte order mark.</summary>
    private async Task<string[]> CsvAsync(string username, string path)
    {
        var (response, bytes) = await DownloadAsync(username, path);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Bom, bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private async Task<List<AuditEvent>> ExportAuditsAsync()
    {
        await using var db = app.Db();
        return await db.AuditEvents.Where(e => e.Action == AuditAction.ExportedContact).OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task RequestsCsv_HasABomAHeaderGreekTextAndContactForHandlers_Audited()
    {
        var before = (await ExportAuditsAsync()).Count;
        var lines = await CsvAsync("dispatcher", "/admin/requests/export.csv");

        Assert.StartsWith("id,protocol_number,service_code,service_name,state,state_label,status,priority,channel,department_id,department,", lines[0]);
        Assert.EndsWith(",first_name,last_name,email,phone", lines[0]);
        Assert.Equal(7, lines.Length); // the header and A–F, every match, not a page
        Assert.Contains(lines, l => l.Contains(",Επιλύθηκε,closed,", StringComparison.Ordinal) && l.Contains("Σβηστή λάμπα", StringComparison.Ordinal));
        var f = lines.Single(l => l.StartsWith($"{app.Ids['F']},", StringComparison.Ordinal));
        Assert.Contains(",2025-01-18T10:00:00+02:00,", f);
        Assert.EndsWith($",Μαρία,,{StatisticsApp.Email},", f);

        var audits = await ExportAuditsAsync();
        var audit = Assert.Single(audits.Skip(before));
        Assert.StartsWith("staff:", audit.Actor);
        Assert.Equal(("request_export", "csv"), (audit.Entity, audit.EntityId));
        using var recorded = JsonDocument.Parse(audit.After!);
        Assert.Equal(6, recorded.RootElement.GetProperty("rows").GetInt64());
        Assert.True(recorded.RootElement.TryGetProperty("filter", out _));
        Assert.DoesNotContain(StatisticsApp.Email, audit.After);
    }

    [Fact]
    public async Task RequestsCsv_ForAViewer_HasNoContactColumnsAndNeedsNoAudit()
    {
        var before = (await ExportAuditsAsync()).Count;
        var lines = await CsvAsync("viewer", "/admin/requests/export.csv?locale=en");

        Assert.EndsWith(",reopened_count,duplicate_of_id", lines[0]);
        Assert.DoesNotContain(lines, l => l.Contains(StatisticsApp.Email, StringComparison.Ordinal) || l.Contains("Μαρία", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",Street lighting fault,", StringComparison.Ordinal));
        Assert.Equal(before, (await ExportAuditsAsync()).Count);
    }

    [Fact]
    public async Task RequestsCsv_TakesTheStaffListFiltersAndScope()
    {
        var roads = await CsvAsync("roads", "/admin/requests/export.csv");
        var filtered = await CsvAsync("admin", "/admin/requests/export.csv?service_code=006&state=resolved&page_size=1");

        Assert.Equal([app.Ids['E'], app.Ids['C']], roads.Skip(1).Select(l => long.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([app.Ids['F'], app.Ids['D'], app.Ids['B'], app.Ids['A']],
            filtered.Skip(1).Select(l => long.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task RequestsGeoJson_IsAFeatureCollectionOfPoints()
    {
        var (response, bytes) = await DownloadAsync("dispatcher", "/admin/requests/export.geojson");
        var (_, viewerBytes) = await DownloadAsync("viewer", "/admin/requests/export.geojson");

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var geojson = JsonDocument.Parse(bytes);
        Assert.Equal("FeatureCollection", geojson.RootElement.GetProperty("type").GetString());
        var features = geojson.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(6, features.Count);
        Assert.All(features, feature =>
        {
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
            var coordinates = feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
            Assert.Equal([feature.GetProperty("properties").GetProperty("long").GetDouble(), feature.GetProperty("properties").GetProperty("lat").GetDouble()],
                coordinates);
            Assert.InRange(coordinates[0], 25.1, 25.2);
        });
        var f = features.Single(x => x.GetProperty("properties").GetProperty("id").GetInt64() == app.Ids['F']).GetProperty("properties");
        Assert.Equal(StatisticsApp.Email, f.GetProperty("email").GetString());
        Assert.Equal("Σβηστή λάμπα στην πλατεία", f.GetProperty("description").GetString());
        using var viewer = JsonDocument.Parse(viewerBytes);
        Assert.All(viewer.RootElement.GetProperty("features").EnumerateArray(), x => Assert.False(x.GetProperty("properties").TryGetProperty("email", out _)));
        Assert.Contains(await ExportAuditsAsync(), a => a.EntityId == "geojson");
    }

    [Fact]
    public async Task StatisticsCsv_IsTheTableWithTotals()
    {
        var lines = await CsvAsync("admin", "/admin/statistics/export.csv?group_by=department&from=2025-01-13T00:00:00%2B02:00&to=2025-01-20T00:00:00%2B02:00");

        Assert.Equal("department,label,received,resolved,backlog,reopened,duplicates,within_target," +
            "response_median_hours,response_p90_hours,response_median_working_hours,response_p90_working_hours," +
            "resolution_median_hours,resolution_p90_hours,resolution_median_working_hours,resolution_p90_working_hours", lines[0]);
        Assert.Contains(lines, l => l.Contains(",Τμήμα Ηλεκτροφωτισμού,4,3,1,1,0,0.6667,", StringComparison.Ordinal));
        Assert.Equal(",total,6,4,2,1,1,0.6667,11,39.9,2.25,10.15,12,42,3.25,10.85", lines[^1]);
    }
}
