using System.Threading.RateLimiting;
using Open311.Core.Citizens;

namespace Open311.Api.Citizens;

/// <summary>What citizens open from their messages (follow, unsubscribe) and the SMS gateway's reply callback.</summary>
public static class CitizenRegistration
{
    public const string Tag = "Citizens";

    private const string PageRateLimit = "citizen-pages";

    public static void AddCitizenPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CitizenPagesOptions>().BindConfiguration(CitizenPagesOptions.Section);
        builder.Services.AddScoped<RequestFollowing>();
        var perMinute = builder.Configuration.GetValue($"{CitizenPagesOptions.Section}:{nameof(CitizenPagesOptions.PageViewsPerMinute)}",
            new CitizenPagesOptions().PageViewsPerMinute);
        // Per client address, so guessing follow codes (or tokens) costs a lifetime; a citizen opens a few pages.
        builder.Services.AddRateLimiter(limits => limits.AddPolicy(PageRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })));
    }

    public static void MapCitizenPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").WithTags(Tag);
        pages.MapFollowPage(PageRateLimit);
        pages.MapUnsubscribePages(PageRateLimit);
        pages.MapSmsInbound();
    }
}
