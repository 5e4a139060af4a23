using Microsoft.Extensions.Options;
using Open311.Api.Hosting;
using Open311.Core.Citizens;

namespace Open311.Api.Citizens;

/// <summary>What citizens open from their messages (follow, unsubscribe) and the SMS gateway's reply callback.</summary>
public static class CitizenRegistration
{
    public const string Tag = "Citizens";

    // Per client address, so guessing follow codes (or tokens) costs a lifetime; a citizen opens a few pages.
    private static readonly AddressRateLimit PageRateLimit = new("citizen-pages",
        services => services.GetRequiredService<IOptions<CitizenPagesOptions>>().Value.PageViewsPerMinute);

    public static void AddCitizenPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CitizenPagesOptions>().BindConfiguration(CitizenPagesOptions.Section);
        builder.Services.AddScoped<RequestFollowing>();
    }

    public static void MapCitizenPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").WithTags(Tag);
        pages.MapFollowPage(PageRateLimit);
        pages.MapUnsubscribePages(PageRateLimit);
        pages.MapSmsInbound();
    }
}
