using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Open311.Api.GeoReport;

/// <summary>The paging extension's headers: how many came back, and RFC 8288 links to walk the pages.</summary>
public static class Paging
{
    public const string ResultCountHeader = "X-Result-Count";
    public const string PageHeader = "X-Page";

    /// <summary>Links are built on the public API base, so they hold behind a proxy and never echo a forged Host header.</summary>
    public static void AddHeaders(HttpResponse response, string apiBase, HttpRequest request, int page, int count, bool hasNext)
    {
        response.Headers[ResultCountHeader] = count.ToString(CultureInfo.InvariantCulture);
        response.Headers[PageHeader] = page.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        if (hasNext)
        {
            links.Add($"<{PageUrl(apiBase, request, page + 1)}>; rel=\"next\"");
        }

        if (page > 1)
        {
            links.Add($"<{PageUrl(apiBase, request, page - 1)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            response.Headers.Link = string.Join(", ", links);
        }
    }

    private static string PageUrl(string apiBase, HttpRequest request, int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        var endpoint = request.Path.Value![GeoReportApi.BasePath.Length..];
        return QueryHelpers.AddQueryString(apiBase + endpoint, query);
    }
}
