using System.Text.Json;
using System.Xml.Linq;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Fuzz;

/// <summary>What is wrong with an answer to malformed input: a server error, or an error outside the endpoint's own format.</summary>
public static class FuzzAnswers
{
    /// <summary>The fault, or null: a success, a refusal of access, or an error in the endpoint's format.</summary>
    public static async Task<string?> ProblemWith(string path, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "a server error";
        }

        if (status < 400 || status == 401 || status == 403 || status == 429)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync();
        var type = response.Content.Headers.ContentType?.MediaType;
        if (path.StartsWith(GeoReportClient.Base, StringComparison.Ordinal))
        {
            return path.EndsWith(".xml", StringComparison.Ordinal) ? Open311XmlError(text) : Open311JsonError(text);
        }

        return type == "application/problem+json" || (status == 404 && text.Length == 0) ? null : $"not ProblemDetails ({type}): {FuzzValues.Shorten(text)}";
    }

    private static string? Open311JsonError(string text)
    {
        try
        {
            var root = JsonDocument.Parse(text).RootElement;
            return root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 && root[0].TryGetProperty("description", out _)
                ? null
                : $"not an Open311 JSON error: {FuzzValues.Shorten(text)}";
        }
        catch (JsonException)
        {
            return $"not JSON: {FuzzValues.Shorten(text)}";
        }
    }

    private static string? Open311XmlError(string text)
    {
        try
        {
            return XDocument.Parse(text).Root?.Name.LocalName == "errors" ? null : $"not an Open311 XML error: {FuzzValues.Shorten(text)}";
        }
        catch (System.Xml.XmlException)
        {
            return $"not XML: {FuzzValues.Shorten(text)}";
        }
    }
}
