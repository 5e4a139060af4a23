using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

public class PrivacyTests(Open311App app) : IClassFixture<Open311App>
{
    private readonly GeoReportClient _client = app.GeoReport();

    [Fact]
    public async Task PersonalData_NeverAppearsInPublicOutputOrLogs()
    {
        string[] personal = ["Ξανθίππη", "Καλογεροπούλου", "eleftheria.p@example.gr", "6912345678", "device-7f3a9c", "account-55120"];
        var id = await _client.SubmitAsync(("service_code", "006"), ("lat", "35.3391"), ("long", "25.1339"), ("attribute[fault]", "flicker"),
            ("first_name", personal[0]), ("last_name", personal[1]), ("email", personal[2]), ("phone", personal[3]),
            ("device_id", personal[4]), ("account_id", personal[5]));

        string[] urls =
        [
            $"/requests/{id}.json?extensions=true", $"/requests/{id}.xml?extensions=true",
            $"/requests.json?extensions=true&service_request_id={id}", "/requests.xml?extensions=true&service_code=006",
            "/requests.json?lat=35.3391&long=25.1339&radius=10",
        ];
        foreach (var url in urls)
        {
            var text = await _client.Http.GetStringAsync(GeoReportClient.Base + url);
            Assert.Contains(id, text);
            foreach (var secret in personal)
            {
                Assert.DoesNotContain(secret, text);
            }
        }

        var logs = string.Join('\n', app.Logs.Lines);
        Assert.NotEmpty(app.Logs.Lines);
        foreach (var secret in personal)
        {
            Assert.DoesNotContain(secret, logs);
        }
    }

    [Fact]
    public async Task PostResponse_EchoesOnlyTheAccountId()
    {
        var response = await _client.PostAsync("json", ("api_key", Api.Hosting.DemoData.ApiKey), ("service_code", "001"),
            ("address_string", "Καλοκαιρινού 20"), ("account_id", "acc-1"), ("email", "someone@example.gr"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"account_id\":\"acc-1\"", text);
        Assert.DoesNotContain("someone@example.gr", text);
    }
}
