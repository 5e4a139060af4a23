using Microsoft.Extensions.Options;
using Open311.Core.Catalog;
using Open311.Core.Citizens;
using Open311.Core.Data;
using Open311.Core.Messaging;
using Open311.Core.Outbox;
using Open311.Core.Requests;

namespace Open311.Core.Notifications;

/// <summary>Citizens' SMS: never during quiet hours (held until they end), and within <see cref="SmsOptions.MaxSegments"/>, the note cut to fit.</summary>
public sealed class CitizenSmsConsumer(Open311Db db, JurisdictionDirectory jurisdictions, MessageTemplates templates, MessageValueSource values,
    IOptions<NotificationOptions> options, TimeProvider clock, ISmsGateway gateway, IOptions<SmsOptions> sms)
    : CitizenMessageConsumer(db, jurisdictions, templates, values, options, clock)
{
    public const string ConsumerName = "citizen-sms";

    // Checked at start-up (NotificationOptions are validated), so a bad setting never reaches here.
    private readonly QuietHours? _quiet = QuietHours.TryParse(options.Value.SmsQuietHours, out var quiet) ? quiet : null;

    public override string Name => ConsumerName;

    protected override MessageChannel Channel => MessageChannel.Sms;

    protected override bool Wants(MessageReader reader) => reader.WantsSms;

    protected override string? AddressOf(MessageReader reader) => PhoneNumbers.International(reader.Phone);

    protected override IQueryable<RequestFollower> Told(IQueryable<RequestFollower> followers) => followers.Where(f => f.NotifySms && f.Phone != null);

    protected override DateTimeOffset? QuietUntil(DateTimeOffset now, TimeZoneInfo zone) => _quiet?.EndAfter(now, zone);

    protected override async Task<string> SendAsync(OutboxDelivery delivery, MessageReader reader, string address, TemplateText template,
        MessageValues values, CancellationToken cancellationToken)
    {
        var text = MessageText.ForSms(template, values, sms.Value.MaxSegments);
        await AddressMask.SendingToAsync(address, () => gateway.SendAsync(new SmsMessage(delivery.IdempotencyKey, address, text.Text), cancellationToken));
        return $", {text.Length.Count} SMS segment{(text.Length.Count == 1 ? "" : "s")} ({text.Length.Encoding})";
    }
}
