using Microsoft.Extensions.FileProviders;
using Open311.Api.Dashboard;

namespace Open311.Api.Hosting;

/// <summary>
/// The service's own browser pages (the dashboard, the reporting page): static files embedded in this assembly under
/// <c>{namespace}.page</c>, with the npm libraries the build copies into <c>page/vendor</c>, so a build, a test and a
/// published folder serve the same bytes. They load nothing from anywhere but this service and the configured tile
/// server, which their Content-Security-Policy enforces.
/// </summary>
public static class EmbeddedPages
{
    /// <summary>Serves the page's files at <paramref name="path"/>; before routing, so a file is answered without reaching the endpoints.</summary>
    public static void UseEmbeddedPage(this WebApplication app, string path, Type owner, string contentSecurityPolicy)
    {
        var files = new EmbeddedFileProvider(owner.Assembly, $"{owner.Namespace}.page");
        app.UseWhen(http => http.Request.Path.StartsWithSegments(path), page =>
        {
            page.Use((http, next) =>
            {
                http.Response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers["Referrer-Policy"] = "no-referrer";
                return next(http);
            });
            page.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = path });
            page.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = path });
        });
    }

    /// <summary>Scripts, styles and calls only from this service; images from it, the tile server and <paramref name="moreImages"/>.</summary>
    public static string ContentSecurityPolicy(DashboardOptions map, string moreImages = "")
    {
        var tiles = DashboardOptions.TileOrigin(map.TileUrl) is { } origin ? " " + origin : "";
        // data: for the images Leaflet's stylesheet embeds.
        return $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:{moreImages}{tiles}; connect-src 'self'; " +
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
