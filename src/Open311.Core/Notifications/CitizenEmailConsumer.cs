using Microsoft.Extensions.Options;
using Open311.Core.Catalog;
using Open311.Core.Citizens;
using Open311.Core.Data;
using Open311.Core.Messaging;
using Open311.Core.Outbox;
using Open311.Core.Requests;

namespace Open311.Core.Notifications;

/// <summary>Citizens' e-mail, at any hour, with the one-click unsubscribe headers beside the link in the text.</summary>
public sealed class CitizenEmailConsumer(Open311Db db, JurisdictionDirectory jurisdictions, MessageTemplates templates, MessageValueSource values,
    IOptions<NotificationOptions> options, TimeProvider clock, IEmailSender sender, CitizenLinks links)
    : CitizenMessageConsumer(db, jurisdictions, templates, values, options, clock)
{
    public const string ConsumerName = "citizen-email";

    public override string Name => ConsumerName;

    protected override MessageChannel Channel => MessageChannel.Email;

    protected override bool Wants(MessageReader reader) => reader.WantsEmail;

    protected override string? AddressOf(MessageReader reader) => reader.Email;

    protected override IQueryable<RequestFollower> Told(IQueryable<RequestFollower> followers) => followers.Where(f => f.NotifyEmail && f.Email != null);

    protected override async Task<string> SendAsync(OutboxDelivery delivery, MessageReader reader, string address, TemplateText template,
        MessageValues values, CancellationToken cancellationToken)
    {
        var email = MessageText.ForEmail(template, values);
        await AddressMask.SendingToAsync(address, () => sender.SendAsync(new EmailMessage(delivery.IdempotencyKey, address, email.Subject, email.Body, Unsubscribe: reader.UnsubscribeLink(links)),
            cancellationToken));
        return "";
    }
}
