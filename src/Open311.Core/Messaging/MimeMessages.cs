using MimeKit;

namespace Open311.Core.Messaging;

/// <summary>An <see cref="EmailMessage"/> as MIME, the same whichever transport carries it.</summary>
internal static class MimeMessages
{
    public static MimeMessage From(EmailMessage message, EmailOptions options)
    {
        var domain = MailboxAddress.Parse(options.From).Domain;
        var mime = new MimeMessage
        {
            MessageId = $"{message.Id:N}@{domain}",
            Subject = message.Subject,
            Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(options.FromName ?? "", options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.Unsubscribe is { } unsubscribe)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        // Greek text is 8-bit: encode it (base64 or quoted-printable, whichever is shorter) and say so
        // in Content-Transfer-Encoding, so every server and client reads it alike, .eml files included.
        mime.Prepare(EncodingConstraint.SevenBit);
        return mime;
    }
}
