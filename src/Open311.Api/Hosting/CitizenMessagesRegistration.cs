using Open311.Core.Notifications;
using Open311.Core.Outbox;

namespace Open311.Api.Hosting;

public static class CitizenMessagesRegistration
{
    /// <summary>Citizens' e-mail and SMS about their requests: the two outbox consumers, their templates and settings.</summary>
    public static void AddCitizenMessages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .Validate(o => QuietHours.TryParse(o.SmsQuietHours, out _), $"{NotificationOptions.Section}:{nameof(NotificationOptions.SmsQuietHours)} must be HH:mm-HH:mm, e.g. 21:00-08:00, or empty")
            .Validate(o => o.CoalesceWindow >= TimeSpan.Zero, $"{NotificationOptions.Section}:{nameof(NotificationOptions.CoalesceWindow)} cannot be negative")
            .ValidateOnStart();
        builder.Services.AddScoped<MessageValueSource>();
        builder.Services.AddScoped<MessageTemplates>();
        builder.Services.AddScoped<IOutboxConsumer, CitizenEmailConsumer>();
        builder.Services.AddScoped<IOutboxConsumer, CitizenSmsConsumer>();
    }
}
