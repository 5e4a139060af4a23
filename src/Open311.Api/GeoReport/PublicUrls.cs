using Microsoft.Extensions.Options;

namespace Open311.Api.GeoReport;

/// <summary>Absolute addresses handed to clients: the API base and uploaded photos.</summary>
public sealed class PublicUrls(IOptions<Open311Options> options)
{
    /// <summary>The API base without a trailing slash: some clients append <c>/services.xml</c> themselves.</summary>
    public string ApiBase(HttpRequest request) =>
        options.Value.PublicBaseUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}{GeoReportApi.BasePath}";

    public string Media(HttpRequest request, Guid mediaId) => $"{ApiBase(request)}/media/{mediaId}";
}
