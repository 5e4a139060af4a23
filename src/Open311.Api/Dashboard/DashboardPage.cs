using Microsoft.Extensions.Options;
using Open311.Api.Hosting;

namespace Open311.Api.Dashboard;

/// <summary>
/// The supervision page at /dashboard: static HTML, CSS and JavaScript embedded in this assembly (Dashboard/page, with the
/// npm libraries the build copies into page/vendor), so it is served the same from a build, a test or a published folder.
/// The page signs in with the staff login and reads the admin API; it loads nothing from anywhere but this service and
/// the configured tile server, which its Content-Security-Policy enforces.
/// </summary>
public static class DashboardPage
{
    public const string Path = "/dashboard";

    public sealed record DashboardSettings(string TileUrl, string TileAttribution);

    public static void AddDashboard(this WebApplicationBuilder builder) =>
        builder.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section)
            .Validate(options => options.TileUrl.Length == 0 || DashboardOptions.TileOrigin(options.TileUrl) is not null,
                "Dashboard:TileUrl must be empty or an http(s) URL template such as https://tiles.example.gr/{z}/{x}/{y}.png")
            .ValidateOnStart();

    /// <summary>Serves the page's files; before routing, so a file is answered without reaching the endpoints.</summary>
    public static void UseDashboard(this WebApplication app) =>
        app.UseEmbeddedPage(Path, typeof(DashboardPage), EmbeddedPages.ContentSecurityPolicy(app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value));

    /// <summary>What the page needs to know of its configuration; not an API operation, so not in the OpenAPI document.</summary>
    public static void MapDashboard(this IEndpointRouteBuilder routes) =>
        routes.MapGet($"{Path}/settings.json", (IOptions<DashboardOptions> options) =>
                TypedResults.Ok(new DashboardSettings(options.Value.TileUrl, options.Value.TileAttribution)))
            .ExcludeFromDescription();
}
