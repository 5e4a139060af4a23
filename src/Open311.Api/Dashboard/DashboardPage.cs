using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

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
    public static void UseDashboard(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardPage).Assembly, $"{typeof(DashboardPage).Namespace}.page");
        var policy = ContentSecurityPolicy(app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value);
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), page =>
        {
            page.Use((http, next) =>
            {
                http.Response.Headers.ContentSecurityPolicy = policy;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers["Referrer-Policy"] = "no-referrer";
                return next(http);
            });
            page.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path });
            page.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = Path });
        });
    }

    /// <summary>What the page needs to know of its configuration; not an API operation, so not in the OpenAPI document.</summary>
    public static void MapDashboard(this IEndpointRouteBuilder routes) =>
        routes.MapGet($"{Path}/settings.json", (IOptions<DashboardOptions> options) =>
                TypedResults.Ok(new DashboardSettings(options.Value.TileUrl, options.Value.TileAttribution)))
            .ExcludeFromDescription();

    private static string ContentSecurityPolicy(DashboardOptions options)
    {
        var tiles = DashboardOptions.TileOrigin(options.TileUrl) is { } origin ? " " + origin : "";
        // data: for the images Leaflet's stylesheet embeds; scripts, styles and calls only from this service.
        return $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:{tiles}; connect-src 'self'; " +
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
