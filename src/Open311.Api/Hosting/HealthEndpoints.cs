using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Open311.Api.Auth;

namespace Open311.Api.Hosting;

/// <summary>
/// Liveness and readiness for orchestrators and load balancers. <c>/health/live</c> is 200 while the
/// process serves HTTP (restart it when not); <c>/health/ready</c> is 503 with <c>Retry-After</c> while
/// PostgreSQL is away (send it no traffic, but do not restart it: it recovers alone).
/// <c>/health</c>, the one endpoint before these, checked the database and stays the readiness probe.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static void AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AvailabilityOptions>().BindConfiguration(AvailabilityOptions.Section);
        builder.Services.AddSingleton<DatabaseReadiness>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: [ReadyTag]);
    }

    public static void MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteReadinessAsync };
        routes.MapHealthChecks("/health/ready", ready);
        routes.MapHealthChecks("/health", ready);
    }

    private static Task WriteReadinessAsync(HttpContext http, HealthReport report)
    {
        if (report.Status == HealthStatus.Unhealthy)
        {
            http.Response.Headers.RetryAfter = RetryAfter.Seconds(http.RequestServices.GetRequiredService<IOptions<AvailabilityOptions>>().Value.RetryAfter);
        }

        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync(report.Status.ToString());
    }
}
