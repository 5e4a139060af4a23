using System.Net;
using System.Text.Json;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Notifications;

/// <summary>
/// The service sending citizens' e-mail to a real SMTP server and SMS to a real HTTP gateway
/// on 127.0.0.1, with a worker tuned for tests and a coalescing window of a second.
/// </summary>
public class CitizenMessagesApp : Open311App
{
    public const string Email = "giorgos.papadakis@example.gr";
    public const string Phone = "6944123456";
    public const string Site = "https://311.heraklion.gr";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly IEnumerable<KeyValuePair<string, string>> _extra;

    /// <param name="settings">Settings that differ for one test class, e.g. quiet hours.</param>
    public CitizenMessagesApp(params (string Key, string Value)[] settings) =>
        (Smtp, Gateway, _extra) = (new SmtpReceiver(), new HttpReceiver(), settings.Select(s => KeyValuePair.Create(s.Key, s.Value)).ToList());

    private CitizenMessagesApp(CitizenMessagesApp first)
        : base(first) => (Smtp, Gateway, _extra) = (first.Smtp, first.Gateway, first._extra);

    public SmtpReceiver Smtp { get; }

    public HttpReceiver Gateway { get; }

    /// <summary>The e-mail the citizen received (staff alerts go to the same server, to the department).</summary>
    public List<MimeKit.MimeMessage> Mails => [.. Smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == Email))];

    /// <summary>The SMS the gateway accepted: recipient and text as the JSON body carried them.</summary>
    public List<(string To, string Text, string Id)> Sms => [.. Gateway.Calls.Select(c => JsonDocument.Parse(c.Body).RootElement)
        .Select(b => (b.GetProperty("to").GetString()!, b.GetProperty("text").GetString()!, b.GetProperty("id").GetString()!))];

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. Smtp.Settings,
        new("Outbox:PollInterval", "00:00:00.05"),
        new("Outbox:RetryDelay", "00:00:00.2"),
        new("Outbox:MaxRetryDelay", "00:00:00.5"),
        new("Outbox:MaxAttempts", "100"),
        new("Outbox:DeliveryTimeout", "00:00:15"),
        new("Sms:Transport", "http"),
        new("Sms:Url", Gateway.Url + "send"),
        new("Sms:Sender", "HERAKLION"),
        new("Sms:InboundSecret", "gateway-replies-secret"),
        new("Sms:StopKeywords", "ΣΤΟΠ,STOP"),
        new("Sms:StopNumber", "54001"),
        new("Notifications:CoalesceWindow", "00:00:01"),
        new("Notifications:SmsQuietHours", ""),
        new("Citizens:PublicSiteUrl", Site),
        .. _extra,
    ];

    /// <summary>Another instance of the service on this one's database and receivers; already running.</summary>
    public Task<CitizenMessagesApp> StartSecondInstanceAsync() => StartSharingAsync(new CitizenMessagesApp(this));

    /// <summary>A street lighting fault taken by phone from a caller who wants e-mail and SMS; its id and protocol number.</summary>
    public async Task<(long Id, string Protocol)> PhoneRequestAsync(bool email = true, bool sms = true)
    {
        var dispatcher = await AdminClient.SignInAsync(this, "dispatcher");
        var (response, body) = await dispatcher.PostAsync("/admin/requests", new
        {
            service_code = "006",
            channel = "phone",
            lat = 35.3391,
            @long = 25.1339,
            description = "Καμένος λαμπτήρας στην Καλοκαιρινού",
            caller = new { first_name = "Γιώργος", last_name = "Παπαδάκης", email = Email, phone = Phone },
            notify_email = email,
            notify_sms = sms,
            attributes = new Dictionary<string, object> { ["fault"] = "off" },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        var request = body.GetProperty("request");
        return (request.GetProperty("id").GetInt64(), request.GetProperty("protocol_number").GetString()!);
    }

    /// <summary>Moves the request as the dispatcher, asserting the move was taken.</summary>
    public async Task TransitionAsync(long id, string to, string? publicNote = null)
    {
        var dispatcher = await AdminClient.SignInAsync(this, "dispatcher");
        var (response, body) = await dispatcher.PostAsync($"/admin/requests/{id}/transitions",
            new { to, version = await dispatcher.VersionAsync(id), public_note = publicNote });
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
    }

    /// <summary>The citizen's messages about the request, as an administrator sees them.</summary>
    public async Task<List<JsonElement>> MessagesAsync(long id) =>
        [.. (await AllMessagesAsync(id)).Where(m => m.GetProperty("consumer").GetString()!.StartsWith("citizen-", StringComparison.Ordinal))];

    /// <summary>Every outbox message about the request, any consumer's.</summary>
    public async Task<List<JsonElement>> AllMessagesAsync(long id)
    {
        var admin = await AdminClient.SignInAsync(this, "admin");
        var (response, body) = await admin.GetAsync($"/admin/requests/{id}/messages");
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return [.. body.EnumerateArray()];
    }

    public static Task EventuallyAsync(Func<bool> condition) => EventuallyAsync(() => Task.FromResult(condition()));

    /// <summary>Until <paramref name="condition"/> holds; <paramref name="state"/> says what there was when time ran out.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, Func<Task<string>>? state = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"the messages did not get there in time; {(state is null ? "" : await state())}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Until every message about the request is done (delivered or held for later), so that nothing more will arrive now.</summary>
    public Task SettledAsync(long id, int messages) => EventuallyAsync(async () =>
    {
        var all = await MessagesAsync(id);
        return all.Count == messages && all.All(m => m.GetProperty("status").GetString() == "delivered"
            || m.GetProperty("note").GetString() == "quiet hours");
    }, async () => string.Join("\n", await MessagesAsync(id)));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (SharesDatabaseWith is null)
        {
            await Smtp.DisposeAsync();
            Gateway.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
