using Microsoft.Extensions.Primitives;

namespace Open311.Api.GeoReport;

/// <summary>
/// The parameters of a GeoReport call: the query string, and for POST the form body too.
/// Open311 says an empty parameter behaves as if it were not sent, so blanks read as null.
/// </summary>
public sealed class GeoReportParameters(IQueryCollection query, IFormCollection? form)
{
    public static async Task<GeoReportParameters> ReadAsync(HttpRequest request)
    {
        // A form that cannot be read was refused at the edge (EdgeInputChecks); this one is read already.
        var form = HttpMethods.IsPost(request.Method) && request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : null;
        return new GeoReportParameters(request.Query, form);
    }

    public IFormCollection? Form => form;

    public string? Get(string name) => NonBlank(form?[name] ?? StringValues.Empty) ?? NonBlank(query[name]);

    private static string? NonBlank(StringValues values)
    {
        var value = values.ToString().Trim();
        return value.Length == 0 ? null : value;
    }
}
