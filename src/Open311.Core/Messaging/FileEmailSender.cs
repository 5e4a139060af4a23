using Microsoft.Extensions.Options;

namespace Open311.Core.Messaging;

/// <summary>
/// The quick start's mailbox: each message as an .eml file any mail client opens, one per message (<see cref="MessageFiles"/>).
/// </summary>
public sealed class FileEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    private readonly EmailOptions _options = options.Value;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        await using var file = File.Create(MessageFiles.PathFor(_options.Directory, message.Id, "eml"));
        await MimeMessages.From(message, _options).WriteToAsync(file, cancellationToken);
    }
}
