using MimeKit;
using Open311.Tests.Infrastructure;
using Open311.Tests.Outbox;

namespace Open311.Tests.Notifications;

/// <summary>The service sending its e-mail to a real SMTP server on 127.0.0.1, with a worker that delivers at once and keeps retrying.</summary>
public sealed class StaffAlertApp : Open311App
{
    public const string SiteUrl = "https://open311.heraklion.test/";

    public SmtpReceiver Smtp { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. OutboxApp.FastWorker(), .. Smtp.Settings, new("Outbox:MaxAttempts", "100"), new("Citizens:PublicSiteUrl", SiteUrl)];

    /// <summary>The staff alerts received so far about the request with this protocol number (its subject names it), to any address.</summary>
    public List<MimeMessage> Alerts(string protocolNumber) => [.. Smtp.Messages.Where(m => m.Subject?.Contains(protocolNumber, StringComparison.Ordinal) == true)];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
