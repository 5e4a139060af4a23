using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Open311.Api.GeoReport;

/// <summary>The paging extension's headers: how many came back, and RFC 8288 links to walk the pages.</summary>
public static class Paging
{
    public const string ResultCountHeader = "X-Result-Count";
    public const string PageHeader = "X-Page";

    public static void AddHeaders(HttpContext http, int page, int count, bool hasNext)
    {
        var response = http.Response;
        response.Headers[ResultCountHeader] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[PageHeader] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var links = new List<string>();
        if (hasNext)
        {
            links.Add($"<{PageUrl(http.Request, page + 1)}>; rel=\"next\"");
        }

        if (page > 1)
        {
            links.Add($"<{PageUrl(http.Request, page - 1)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            response.Headers.Link = string.Join(", ", links);
        }
    }

    private static string PageUrl(HttpRequest request, int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var baseUrl = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path);
        return QueryHelpers.AddQueryString(baseUrl, query);
    }
}
