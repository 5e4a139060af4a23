using MailKit.Security;

namespace Open311.Core.Messaging;

/// <summary>How e-mail leaves the service (configuration section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary><c>smtp</c> in production; <c>files</c> writes each message as an .eml file under <see cref="Directory"/> instead (the quick start's sink).</summary>
    public string Transport { get; set; } = "smtp";
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    /// <summary>MailKit's choice: <c>Auto</c>, <c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    /// <summary>Left empty, the service does not authenticate.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender's address, e.g. <c>noreply@heraklion.gr</c>.</summary>
    public string From { get; set; } = "noreply@localhost";
    /// <summary>The sender's name as mail clients show it, e.g. the municipality's.</summary>
    public string? FromName { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>Where <c>files</c> writes: relative to the working directory.</summary>
    public string Directory { get; set; } = ".data/messages/email";
}
