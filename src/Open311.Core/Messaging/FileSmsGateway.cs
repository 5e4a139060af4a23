using System.Text;
using Microsoft.Extensions.Options;

namespace Open311.Core.Messaging;

/// <summary>
/// The quick start's phone: each SMS as a UTF-8 text file (recipient, segments, text), named by
/// its id, so a message sent twice overwrites itself rather than appearing twice.
/// </summary>
public sealed class FileSmsGateway(IOptions<SmsOptions> options) : ISmsGateway
{
    private readonly SmsOptions _options = options.Value;

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.Directory);
        var existing = Directory.GetFiles(_options.Directory, $"*-{message.Id:N}.txt");
        var path = existing.Length > 0 ? existing[0] : Path.Combine(_options.Directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{message.Id:N}.txt");
        var segments = SmsSegments.Measure(message.Text);
        await File.WriteAllTextAsync(path, $"To: {message.To}\nSegments: {segments.Count} ({segments.Encoding})\n\n{message.Text}\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
    }
}
