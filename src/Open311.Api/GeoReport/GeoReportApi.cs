namespace Open311.Api.GeoReport;

/// <summary>The public Open311 GeoReport v2 endpoints, each as <c>.xml</c> and <c>.json</c>.</summary>
public static class GeoReportApi
{
    public const string BasePath = "/open311/v2";
    public const string Tag = "Open311 GeoReport v2";

    public static IEndpointRouteBuilder MapGeoReport(this IEndpointRouteBuilder routes)
    {
        // Discovery also lives at the site root, where the Open311 discovery rules look first.
        routes.MapDiscovery().ExcludeFromDescription();

        var api = routes.MapGroup(BasePath).WithTags(Tag);
        api.MapMedia();

        api.MapDiscovery().WithName("GetDiscovery");
        api.MapServices();
        api.MapRequestSubmission();
        api.MapRequestLookups();
        api.MapRequestUpdates();
        api.MapFollowers();
        routes.MapUnknownPaths();
        return routes;
    }

    /// <summary>Resolves each GeoReport call's format, jurisdiction and language; needs routing to have run.</summary>
    public static IApplicationBuilder UseGeoReportCalls(this IApplicationBuilder app) => app.UseMiddleware<GeoReportCallMiddleware>();
}
