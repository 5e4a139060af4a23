using Open311.Core.Idempotency;

namespace Open311.Api.Hosting;

public static class IdempotencyRegistration
{
    /// <summary>The keys' store and, on every instance, the job that deletes expired keys.</summary>
    public static void AddIdempotency(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section);
        builder.Services.AddSingleton<IdempotencyKeys>();
        builder.Services.AddHostedService<IdempotencyCleanup>();
    }

    /// <summary>After authentication and the rate limits, so a key is only claimed for a call that may run.</summary>
    public static void UseIdempotencyKeys(this WebApplication app) => app.UseMiddleware<IdempotencyMiddleware>();
}
