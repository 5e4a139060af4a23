using Open311.Core.Citizens;
using Open311.Core.Messaging;
using Open311.Core.Outbox;
using Open311.Core.StaffAlerts;

namespace Open311.Api.Hosting;

public static class MessagingRegistration
{
    /// <summary>The transports that carry messages out (e-mail by SMTP, or to files in the quick start), the links messages carry, and the consumers that send them.</summary>
    public static void AddMessaging(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CitizenLinkOptions>().BindConfiguration(CitizenLinkOptions.Section);
        builder.Services.AddSingleton<CitizenLinks>();
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        builder.Services.AddScoped<IOutboxConsumer, StaffAlertConsumer>();
        var transport = builder.Configuration[$"{EmailOptions.Section}:{nameof(EmailOptions.Transport)}"] ?? "smtp";
        switch (transport)
        {
            case "smtp":
                builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
                break;
            case "files":
                builder.Services.AddSingleton<IEmailSender, FileEmailSender>();
                break;
            default:
                throw new InvalidOperationException($"{EmailOptions.Section}:{nameof(EmailOptions.Transport)} is '{transport}'; it must be 'smtp' or 'files'.");
        }
    }
}
