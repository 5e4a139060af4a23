using Open311.Core.Citizens;
using Open311.Core.Messaging;
using Open311.Core.Outbox;
using Open311.Core.StaffAlerts;

namespace Open311.Api.Hosting;

public static class MessagingRegistration
{
    /// <summary>The transports that carry messages out (e-mail by SMTP, SMS by an HTTP gateway, or both to files in the quick start), the links messages carry, and the consumers that send them.</summary>
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

        builder.Services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section)
            .Validate(o => o.MaxSegments >= 1, $"{SmsOptions.Section}:{nameof(SmsOptions.MaxSegments)} must be at least 1").ValidateOnStart();
        var smsTransport = builder.Configuration[$"{SmsOptions.Section}:{nameof(SmsOptions.Transport)}"] ?? "http";
        switch (smsTransport)
        {
            case "http":
                builder.Services.AddHttpClient<ISmsGateway, HttpSmsGateway>()
                    .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
                break;
            case "files":
                builder.Services.AddSingleton<ISmsGateway, FileSmsGateway>();
                break;
            default:
                throw new InvalidOperationException($"{SmsOptions.Section}:{nameof(SmsOptions.Transport)} is '{smsTransport}'; it must be 'http' or 'files'.");
        }
    }
}
