using System.Net;
using Npgsql;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

/// <summary>A deployment holding two municipalities: jurisdiction_id becomes required, and each sees only its own.</summary>
public class MultipleJurisdictionsTests(MultipleJurisdictionsTests.TwoMunicipalities app) : IClassFixture<MultipleJurisdictionsTests.TwoMunicipalities>
{
    private readonly GeoReportClient _client = app.GeoReport();

    public sealed class TwoMunicipalities : Open311App
    {
        protected override async Task PrepareDatabaseAsync()
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                INSERT INTO jurisdictions (id, name, default_locale) VALUES ('xanthi.gr', '{"el": "Δήμος Ξάνθης", "en": "Municipality of Xanthi"}', 'en');
                INSERT INTO service_categories (jurisdiction_id, code, name, description, "group", type)
                VALUES ('xanthi.gr', 'X1', '{"el": "Καμένοι λαμπτήρες", "en": "Burnt-out lamps"}', '{}', '{"el": "Φωτισμός", "en": "Lighting"}', 'realtime');
                """, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task MissingJurisdiction_Returns400()
    {
        var (response, _) = await _client.GetJsonAsync("/services.json");
        Assert.Contains("jurisdiction_id is required", await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task EachJurisdiction_SeesOnlyItsOwnServicesInItsOwnLanguage()
    {
        var (_, xanthi) = await _client.GetJsonAsync("/services.json?jurisdiction_id=xanthi.gr");
        var (_, heraklion) = await _client.GetJsonAsync("/services.json?jurisdiction_id=heraklion.gr");

        var only = Assert.Single(xanthi.EnumerateArray());
        Assert.Equal("Burnt-out lamps", only.GetProperty("service_name").GetString());
        Assert.DoesNotContain(heraklion.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "X1");
    }

    [Fact]
    public async Task RequestOfOneJurisdiction_IsNotFoundInAnother()
    {
        var id = await _client.SubmitAsync(("jurisdiction_id", "heraklion.gr"), ("service_code", "001"), ("address_string", "Έβανς 1"));

        var (response, _) = await _client.GetJsonAsync($"/requests/{id}.json?jurisdiction_id=xanthi.gr");
        await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.NotFound);
        var wrongService = await _client.PostAsync("json", ("api_key", Api.Hosting.DemoData.ApiKey), ("jurisdiction_id", "xanthi.gr"),
            ("service_code", "001"), ("address_string", "x"));
        Assert.Contains("not valid for jurisdiction xanthi.gr", await GeoReportClient.AssertJsonErrorAsync(wrongService, HttpStatusCode.Forbidden));
    }
}
