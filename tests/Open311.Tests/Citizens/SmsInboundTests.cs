using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Open311.Api.Hosting;
using Open311.Core.Citizens;
using Open311.Tests.Data;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Citizens;

public class SmsInboundTests(SmsInboundTests.GatewayApp app) : IClassFixture<SmsInboundTests.GatewayApp>
{
    public const string Secret = "gateway-shared-secret-2026";

    public sealed class GatewayApp : Open311App
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Sms:InboundSecret", Secret)];
    }

    private readonly HttpClient _http = app.CreateClient();

    private Task<long> SubscribedAsync(string phone, bool email = false) => DemoRequests.SubmitAsync(app,
        [("service_code", "001"), ("address_string", "Έβανς 10"), ("phone", phone), ("sms_alerts_requested", "true"),
            .. email ? new[] { ("email", "giorgos@example.gr"), ("email_alerts_requested", "true") } : []]);

    private Task<HttpResponseMessage> ReplyAsync(string? secret, params (string Key, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/sms/inbound") { Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))) };
        if (secret is not null)
        {
            request.Headers.Add("X-Inbound-Secret", secret);
        }

        return _http.SendAsync(request);
    }

    [Fact]
    public async Task Stop_FromANumber_StopsSmsForThatNumbersRequestsOnly()
    {
        // One number, typed three ways; another number beside it.
        var typed = await SubscribedAsync("6912300001", email: true);
        var international = await SubscribedAsync("+30 691 230 0001");
        var zeros = await SubscribedAsync("0030-6912300001");
        var neighbour = await SubscribedAsync("6912300002");

        var response = await ReplyAsync(Secret, ("from", "306912300001"), ("text", " stop "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("stop").GetBoolean());
        Assert.Equal(3, answer.GetProperty("stopped_requests").GetInt32());
        foreach (var id in new[] { typed, international, zeros })
        {
            var stored = await CitizenRequests.StoredAsync(app, id);
            Assert.False(stored.NotifySms);
            Assert.Single(await CitizenRequests.HistoryAsync(app, id), e => e.Kind == Core.Requests.RequestEventKind.MessagesStopped && !e.IsPublic);
        }

        // SMS only: the e-mail the citizen asked for goes on; the neighbour's SMS too.
        Assert.True((await CitizenRequests.StoredAsync(app, typed)).NotifyEmail);
        Assert.True((await CitizenRequests.StoredAsync(app, neighbour)).NotifySms);

        var again = await (await ReplyAsync(Secret, ("from", "306912300001"), ("text", "STOP"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("stopped_requests").GetInt32());

        var logs = string.Join('\n', app.Logs.Lines);
        Assert.Contains("An SMS stop reply", logs);
        foreach (var number in new[] { "6912300001", "691 230 0001", "6912300002" })
        {
            Assert.DoesNotContain(number, logs);
        }
    }

    [Fact]
    public async Task GreekKeyword_InJson_WithTheGatewaysFieldNames_Counts()
    {
        var id = await SubscribedAsync("6912300003");

        var response = await _http.PostAsJsonAsync("/sms/inbound",
            new { msisdn = "+306912300003", body = "Διακοπή", jurisdiction_id = DemoCatalog.JurisdictionId, secret = Secret });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await CitizenRequests.StoredAsync(app, id)).NotifySms);
    }

    [Fact]
    public async Task OtherText_IsAcknowledgedAndChangesNothing()
    {
        var id = await SubscribedAsync("6912300004");

        var answer = await (await ReplyAsync(Secret, ("from", "6912300004"), ("text", "stop sending the truck so early"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(answer.GetProperty("stop").GetBoolean());
        Assert.True((await CitizenRequests.StoredAsync(app, id)).NotifySms);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("")]
    public async Task MissingOrWrongSecret_Is401_AndStopsNothing(string? secret)
    {
        var id = await SubscribedAsync("6912300005");

        var response = await ReplyAsync(secret, ("from", "6912300005"), ("text", "STOP"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True((await CitizenRequests.StoredAsync(app, id)).NotifySms);
    }

    [Fact]
    public async Task AMalformedForm_IsRefusedAsSuch_NotAServerError()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sms/inbound") { Content = new StringContent("from=1&text=STOP") };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data"); // no boundary: the form cannot be read
        request.Headers.Add("X-Inbound-Secret", Secret);

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ReplyWithoutSenderOrText_Is400()
    {
        var response = await ReplyAsync(Secret, ("text", "STOP"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task NumberLookup_IsServedByItsIndex()
    {
        await using var db = app.Db();
        var plan = await IndexPlanTests.AssertIndexServedAsync(db, db.Requests.WantingSmsAt(DemoCatalog.JurisdictionId, "+30 6912300001"));
        Assert.Contains("ix_requests_contact_phone", plan); // 0023's index of every number, which replaced 0012's of those wanting SMS
    }

    [Fact]
    public async Task ProtocolNumberLookup_IsServedByItsIndex()
    {
        await using var db = app.Db();
        var plan = await IndexPlanTests.AssertIndexServedAsync(db, db.Requests.WithProtocolNumber("2026/000001"));
        Assert.Contains("ix_requests_protocol_number", plan);
    }
}

/// <summary>Without Sms:InboundSecret the callback does not exist.</summary>
public class SmsInboundUnconfiguredTests(Open311App app) : IClassFixture<Open311App>
{
    [Fact]
    public async Task WithoutASecret_TheCallbackIs404()
    {
        var response = await app.CreateClient().PostAsync("/sms/inbound",
            new FormUrlEncodedContent([KeyValuePair.Create("from", "6912300001"), KeyValuePair.Create("text", "STOP")]));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
