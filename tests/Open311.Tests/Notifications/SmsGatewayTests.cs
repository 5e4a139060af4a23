using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Open311.Core.Messaging;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Notifications;

/// <summary>The SMS transports, each to something real: an HTTP gateway on 127.0.0.1 shaped by settings alone, and files on disk.</summary>
public class SmsGatewayTests
{
    private static readonly SmsMessage Greek = new(Guid.NewGuid(), "6944123456", "Το αίτημά σας 2026/000123 καταχωρίστηκε: https://311.heraklion.gr/f");

    [Fact]
    public async Task Json_WithBasicAuth_CarriesRecipientTextSenderAndId_UnderTheConfiguredNames()
    {
        using var gateway = new HttpReceiver();
        var sms = Gateway(gateway, new SmsOptions { UserName = "heraklion", Password = "s3cret", ToField = "msisdn", TextField = "message", SenderField = "sender",
            MessageIdField = "reference", Sender = "HERAKLION" });

        await sms.SendAsync(Greek, CancellationToken.None);

        var call = Assert.Single(gateway.Calls);
        Assert.Equal("POST", call.Method);
        Assert.StartsWith("application/json", call.ContentType);
        Assert.Equal($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("heraklion:s3cret"))}", call.Headers["Authorization"]);
        Assert.Equal(Greek.Id.ToString(), call.Headers["Idempotency-Key"]);
        var body = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal("6944123456", body.GetProperty("msisdn").GetString());
        Assert.Equal(Greek.Text, body.GetProperty("message").GetString());
        Assert.Equal("HERAKLION", body.GetProperty("sender").GetString());
        Assert.Equal(Greek.Id.ToString(), body.GetProperty("reference").GetString());
    }

    [Fact]
    public async Task Form_WithAnApiKeyHeader_LeavesOutFieldsWithNoName()
    {
        using var gateway = new HttpReceiver();
        var sms = Gateway(gateway, new SmsOptions { BodyFormat = "form", ApiKeyHeader = "X-API-Key", ApiKey = "k-123", MessageIdField = "" });

        await sms.SendAsync(Greek, CancellationToken.None);

        var call = Assert.Single(gateway.Calls);
        Assert.Equal("application/x-www-form-urlencoded", call.ContentType);
        Assert.Equal("k-123", call.Headers["X-API-Key"]);
        Assert.False(call.Headers.ContainsKey("Authorization"));
        var fields = call.Body.Split('&').Select(f => f.Split('=')).ToDictionary(f => f[0], f => Uri.UnescapeDataString(f[1].Replace('+', ' ')));
        Assert.Equal(["to", "text"], fields.Keys);
        Assert.Equal(Greek.Text, fields["text"]);
    }

    [Fact]
    public async Task RefusalOrTimeout_Throws_SoTheOutboxTriesAgain()
    {
        using var gateway = new HttpReceiver { Answer = HttpStatusCode.TooManyRequests };

        // The refusal gets the default timeout: a first call on a busy machine can take longer than the short one below.
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => Gateway(gateway, new SmsOptions()).SendAsync(Greek, CancellationToken.None));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        (gateway.Answer, gateway.Delay) = (HttpStatusCode.OK, TimeSpan.FromSeconds(5));
        var impatient = Gateway(gateway, new SmsOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        await Assert.ThrowsAsync<TimeoutException>(() => impatient.SendAsync(Greek, CancellationToken.None));
    }

    [Fact]
    public async Task Files_WriteOneUtf8TextPerMessage_EvenWhenSentTwice()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"open311-sms-{Guid.NewGuid():N}");
        var sms = new FileSmsGateway(Options.Create(new SmsOptions { Directory = directory }));

        await sms.SendAsync(Greek, CancellationToken.None);
        await sms.SendAsync(Greek, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(directory, "*.txt"));
        var text = await File.ReadAllTextAsync(file, Encoding.UTF8);
        Assert.Equal($"To: 6944123456\nSegments: 1 (Ucs2)\n\n{Greek.Text}\n", text);
        Directory.Delete(directory, recursive: true);
    }

    private static HttpSmsGateway Gateway(HttpReceiver receiver, SmsOptions options)
    {
        options.Url = new Uri(receiver.Url + "sms");
        return new HttpSmsGateway(new HttpClient(), Options.Create(options));
    }
}
