using Microsoft.Extensions.Options;

namespace Open311.Core.Messaging;

/// <summary>
/// The quick start's mailbox: each message as an .eml file any mail client opens, named by its id,
/// so a message sent twice overwrites itself rather than appearing twice.
/// </summary>
public sealed class FileEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    private readonly EmailOptions _options = options.Value;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.Directory);
        var path = Path.Combine(_options.Directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{message.Id:N}.eml");
        var existing = Directory.GetFiles(_options.Directory, $"*-{message.Id:N}.eml");
        await using var file = File.Create(existing.Length > 0 ? existing[0] : path);
        await MimeMessages.From(message, _options).WriteToAsync(file, cancellationToken);
    }
}
