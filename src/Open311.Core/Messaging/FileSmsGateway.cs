using System.Text;
using Microsoft.Extensions.Options;

namespace Open311.Core.Messaging;

/// <summary>
/// The quick start's phone: each SMS as a UTF-8 text file (recipient, segments, text), one per message (<see cref="MessageFiles"/>).
/// </summary>
public sealed class FileSmsGateway(IOptions<SmsOptions> options) : ISmsGateway
{
    private readonly SmsOptions _options = options.Value;

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var path = MessageFiles.PathFor(_options.Directory, message.Id, "txt");
        var segments = SmsSegments.Measure(message.Text);
        await File.WriteAllTextAsync(path, $"To: {message.To}\nSegments: {segments.Count} ({segments.Encoding})\n\n{message.Text}\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
    }
}
