using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace Open311.Core.Messaging;

/// <summary>E-mail through an SMTP server with MailKit: one connection per message, which is plenty at a municipality's volume.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    private readonly EmailOptions _options = options.Value;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        await client.ConnectAsync(_options.Host, _options.Port, _options.Security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(MimeMessages.From(message, _options), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
