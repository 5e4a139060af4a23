using System.Text;
using Microsoft.Net.Http.Headers;
using Open311.Api.GeoReport;

namespace Open311.Api.Hosting;

/// <summary>
/// Refuses, before any endpoint reads them, three kinds of input that otherwise end in a 500:
/// a body in a charset the service cannot decode (415), a form body that cannot be read (400:
/// a second reader, such as the Idempotency-Key fingerprint or the SMS callback, would throw), and a
/// NUL character anywhere in the query string, a form field or a JSON body (400; PostgreSQL text
/// cannot hold NUL). One place
/// for every endpoint, answering in the endpoint's own format: Open311 errors on the GeoReport
/// paths, ProblemDetails elsewhere.
/// </summary>
public static class EdgeInputChecks
{
    /// <summary>Admin and GeoReport JSON bodies are small; a larger one is left to the endpoint's own limit.</summary>
    private const int MaxJsonBodyScanned = 1024 * 1024;

    private const int Utf7CodePage = 65000;

    public static void UseEdgeInputChecks(this WebApplication app) => app.Use(async (http, next) =>
    {
        var refusal = await RefusalAsync(http.Request);
        if (refusal is null)
        {
            await next(http);
            return;
        }

        var (status, description) = refusal.Value;
        if (GeoReportErrors.Covers(http.Request.Path))
        {
            await GeoReportErrors.WriteAsync(http, status, description);
            return;
        }

        await Results.Problem(detail: description, statusCode: status).ExecuteAsync(http);
    });

    private static async Task<(int Status, string Description)?> RefusalAsync(HttpRequest request)
    {
        if (request.Query.FirstOrDefault(p => HasNul(p.Key) || p.Value.Any(HasNul)) is { Key: { } parameter })
        {
            return NulIn($"the query parameter {Printable(parameter)}");
        }

        if (request.ContentLength == 0 || request.ContentType is null || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return null;
        }

        if (type.Charset.HasValue && !Decodable(type.Charset.Value!))
        {
            return (StatusCodes.Status415UnsupportedMediaType, $"charset {Printable(type.Charset.Value!)} is not supported: send UTF-8");
        }

        if (request.HasFormContentType)
        {
            if (await FormOrNullAsync(request) is not { } form)
            {
                return (StatusCodes.Status400BadRequest, "the form could not be read: it is malformed or larger than allowed");
            }

            return form.FirstOrDefault(f => HasNul(f.Key) || f.Value.Any(HasNul)) is { Key: { } field } ? NulIn($"the field {Printable(field)}") : null;
        }

        return type.MediaType.Value?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true && await JsonHasNulAsync(request)
            ? NulIn("a string of the JSON body")
            : null;
    }

    private static (int, string) NulIn(string where) => (StatusCodes.Status400BadRequest, $"{where} contains a NUL character (U+0000), which is not allowed");

    private static bool HasNul(string? value) => value?.Contains('\0', StringComparison.Ordinal) == true;

    private static string Printable(string value) => value.Replace("\0", "\\0", StringComparison.Ordinal);

    /// <summary>UTF-7 is refused on purpose: the form reader cannot decode it, and it smuggles markup past filters.</summary>
    private static bool Decodable(string charset)
    {
        try
        {
            return Encoding.GetEncoding(charset.Trim('"')).CodePage != Utf7CodePage;
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private static async Task<IFormCollection?> FormOrNullAsync(HttpRequest request)
    {
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            // Malformed or oversized; read, it is cached for every later reader.
            return null;
        }
    }

    /// <summary>A JSON string can only carry NUL escaped (a raw control character is invalid JSON), so the escape is what is looked for.</summary>
    private static async Task<bool> JsonHasNulAsync(HttpRequest request)
    {
        if (request.ContentLength is > MaxJsonBodyScanned)
        {
            return false;
        }

        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return text.Contains("\\u0000", StringComparison.OrdinalIgnoreCase);
    }
}
