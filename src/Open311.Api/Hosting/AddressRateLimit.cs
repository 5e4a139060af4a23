using Open311.Api.Auth;
using Open311.Core.RateLimits;

namespace Open311.Api.Hosting;

/// <summary>
/// A limit per client address and minute on some endpoints (sign-in attempts, citizens' pages),
/// counted by <see cref="SharedRateLimits"/> so every instance shares one count. Behind a proxy the
/// address is the forwarded one (<see cref="ProxyAndHttps"/>). The limit is read on each call, so it
/// follows the options.
/// </summary>
public sealed record AddressRateLimit(string Name, Func<IServiceProvider, int> PerMinute);

public static class AddressRateLimits
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Refuses a call past the limit before its handler runs: a bare 429 with <c>Retry-After</c>,
    /// whose body the status-code pages write in the endpoint's format (ProblemDetails or text).
    /// </summary>
    public static TBuilder LimitedPerAddress<TBuilder>(this TBuilder endpoint, AddressRateLimit limit) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var limits = http.RequestServices.GetRequiredService<SharedRateLimits>();
            var decision = await limits.TryTakeAsync($"{limit.Name}:{http.Connection.RemoteIpAddress}", limit.PerMinute(http.RequestServices), Window,
                http.RequestAborted);
            if (decision.Allowed)
            {
                return await next(context);
            }

            http.Response.Headers.RetryAfter = RetryAfter.Seconds(decision.RetryAfter);
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        });
}
