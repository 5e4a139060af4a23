using Microsoft.Extensions.Options;
using Open311.Api.Dashboard;
using Open311.Api.GeoReport;
using Open311.Api.Hosting;
using Open311.Core.Catalog;
using Open311.Core.Clients;

namespace Open311.Api.Report;

/// <summary>
/// The citizens' reporting page at /report: static HTML, CSS and JavaScript (Report/page) that is itself an Open311
/// client. It reads services, service definitions and nearby requests and submits through the public GeoReport
/// endpoints only, with the key of its own client app (<see cref="ReportingPageClient"/>), rate-limited like any app.
/// </summary>
public static class ReportPage
{
    public const string Path = "/report";

    /// <summary>
    /// What the page needs before its first Open311 call, as any app has it from its configuration: its key, where the API
    /// is, the map's tiles (the dashboard's <see cref="DashboardOptions.TileUrl"/>), how long the municipality keeps contact
    /// details.
    /// </summary>
    public sealed record ReportSettings(string JurisdictionId, string ApiKey, string ApiBase, string TileUrl, string TileAttribution,
        int ContactRetentionMonths);

    public static void AddReportPage(this WebApplicationBuilder builder) => builder.Services.AddScoped<ReportingPageClient>();

    /// <summary>Serves the page's files; its photo preview is a blob: image, besides the dashboard's sources.</summary>
    public static void UseReportPage(this WebApplication app) =>
        app.UseEmbeddedPage(Path, typeof(ReportPage),
            EmbeddedPages.ContentSecurityPolicy(app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value, moreImages: " blob:"));

    /// <summary>The page's settings; not an API operation, so not in the OpenAPI document.</summary>
    public static void MapReportPage(this IEndpointRouteBuilder routes) =>
        routes.MapGet($"{Path}/settings.json", GetSettings).ExcludeFromDescription();

    private static async Task<IResult> GetSettings(string? jurisdiction_id, JurisdictionDirectory jurisdictions, ReportingPageClient client,
        IOptions<Open311Options> open311, IOptions<DashboardOptions> map, CancellationToken cancellationToken)
    {
        var (found, named) = await jurisdictions.ResolveAsync(jurisdiction_id, open311.Value.DefaultJurisdiction, cancellationToken);
        if (found is null)
        {
            return named is null
                ? TypedResults.Problem("jurisdiction_id is required: this server serves several jurisdictions", statusCode: StatusCodes.Status400BadRequest)
                : TypedResults.Problem($"jurisdiction_id {named} not found", statusCode: StatusCodes.Status404NotFound);
        }

        var key = await client.KeyAsync(found.Id, cancellationToken);
        return TypedResults.Ok(new ReportSettings(found.Id, key, GeoReportApi.BasePath, map.Value.TileUrl, map.Value.TileAttribution,
            found.Jurisdiction.ContactRetentionMonths));
    }
}
