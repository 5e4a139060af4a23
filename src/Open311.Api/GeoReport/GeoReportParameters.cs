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
        IFormCollection? form = null;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            try
            {
                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
            {
                // A malformed or oversized body: the POST handler reads it again and reports why.
            }
        }

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
