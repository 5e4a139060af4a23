using Open311.Core.Outbox;
using Open311.Core.Webhooks;

namespace Open311.Api.Hosting;

public static class WebhookRegistration
{
    /// <summary>The webhooks consumer of the outbox, and the one HTTP client it calls out with.</summary>
    public static void AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        builder.Services.AddSingleton<WebhookDestinations>();
        builder.Services.AddSingleton<SafeWebhookClient>();
        builder.Services.AddScoped<IOutboxConsumer, WebhookConsumer>();
    }
}
