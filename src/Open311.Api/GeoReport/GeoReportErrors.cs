using Open311.Api.GeoReport.Wire;

namespace Open311.Api.GeoReport;

/// <summary>
/// How GeoReport answers what its endpoints did not: a failure or an unreadable call as an
/// Open311 error array in the format the path asked for (a client that asked for .json must get
/// JSON), and an unknown path under the API base as an Open311 404.
/// </summary>
public static class GeoReportErrors
{
    public static bool Covers(PathString path) =>
        path.StartsWithSegments(GeoReportApi.BasePath) || path.StartsWithSegments("/discovery.json") || path.StartsWithSegments("/discovery.xml");

    public static Task WriteAsync(HttpContext context, int status)
    {
        var description = status switch
        {
            StatusCodes.Status500InternalServerError => "the server could not complete the request; please try again later",
            StatusCodes.Status409Conflict => "another change was made at the same time; please try again",
            StatusCodes.Status503ServiceUnavailable => "the service is unavailable for a moment; please try again after the seconds Retry-After gives",
            _ => "the request could not be read",
        };
        return WriteAsync(context, status, description);
    }

    public static Task WriteAsync(HttpContext context, int status, string description) =>
        Open311Errors.Result(FormatOf(context.Request.Path), [new(status, description)]).ExecuteAsync(context);

    public static void MapUnknownPaths(this IEndpointRouteBuilder routes) =>
        routes.MapFallback($"{GeoReportApi.BasePath}/{{**path}}", (HttpContext context) =>
            Open311Errors.NotFound(FormatOf(context.Request.Path), $"no such endpoint: {context.Request.Path}"))
            .ExcludeFromDescription();

    private static WireFormat FormatOf(PathString path) =>
        path.Value?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? WireFormat.Json : WireFormat.Xml;
}
