using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Open311.Core.Messaging;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Messaging;

/// <summary>The two e-mail transports, each to something real: an SMTP server on 127.0.0.1, and files on disk.</summary>
public class EmailTransportTests
{
    private static readonly EmailMessage Greek = new(Guid.NewGuid(), "πολίτης@example.gr", "Το αίτημά σας 2026/000123 καταχωρίστηκε",
        "Καλησπέρα σας,\nθα ενημερωθείτε για την πρόοδο.", Unsubscribe: new Uri("https://open311.test/unsubscribe/abc"));

    [Fact]
    public async Task Smtp_DeliversGreekTextIntact_WithItsIdAndOneClickUnsubscribe()
    {
        await using var server = new SmtpReceiver();
        var sender = new SmtpEmailSender(Options.Create(OptionsFor(server)));

        await sender.SendAsync(Greek, CancellationToken.None);

        var received = Assert.Single(server.Messages);
        Assert.Equal(Greek.Subject, received.Subject);
        Assert.Equal(Greek.TextBody, received.TextBody!.TrimEnd('\r', '\n').ReplaceLineEndings("\n"));
        Assert.Equal("πολίτης@example.gr", received.To.Mailboxes.Single().Address);
        Assert.Equal("Δήμος Ηρακλείου", received.From.Mailboxes.Single().Name);
        Assert.Equal($"{Greek.Id:N}@heraklion.test", received.MessageId);
        Assert.Equal("<https://open311.test/unsubscribe/abc>", received.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task Smtp_ThrowsWhenTheServerIsDown_SoTheOutboxTriesAgain()
    {
        var server = new SmtpReceiver();
        await server.StopAsync();
        var sender = new SmtpEmailSender(Options.Create(OptionsFor(server)));

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(Greek, CancellationToken.None));

        server.Start();
        await sender.SendAsync(Greek, CancellationToken.None);
        Assert.Single(server.Messages);
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Files_WriteOneEmlPerMessage_EvenWhenSentTwice()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"open311-mail-{Guid.NewGuid():N}");
        var sender = new FileEmailSender(Options.Create(new EmailOptions { Directory = directory, From = "noreply@heraklion.test" }));

        await sender.SendAsync(Greek, CancellationToken.None);
        await sender.SendAsync(Greek, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(directory, "*.eml"));
        var parsed = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal(Greek.Subject, parsed.Subject);
        Directory.Delete(directory, recursive: true);
    }

    private static EmailOptions OptionsFor(SmtpReceiver server) =>
        new ConfigurationBuilder().AddInMemoryCollection(server.Settings!).Build().GetSection(EmailOptions.Section).Get<EmailOptions>()!;
}
