using Open311.Core.Outbox;

namespace Open311.Api.Hosting;

public static class OutboxRegistration
{
    /// <summary>The outbox's writer, used by every request change, and its delivery worker on every instance.</summary>
    public static void AddOutbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<OutboxWriter>();
        builder.Services.AddHostedService<OutboxWorker>();
    }
}
