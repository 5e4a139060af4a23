using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Open311.Api.Citizens;

/// <summary>
/// The frame of the citizens' pages: one self-contained HTML document with inline CSS and no
/// script, font or image, so it works on a municipality's closed network and on any phone.
/// Every text is HTML-encoded here (Greek left readable); callers pass only encoded markup.
/// </summary>
public static class HtmlPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly Words SwitchTo = new("English", "Ελληνικά");

    private const string Style =
        "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1b1b;background:#f4f5f7}" +
        "main{max-width:40rem;margin:0 auto;padding:1rem 1.25rem 2rem;background:#fff;min-height:100vh;box-sizing:border-box}" +
        "h1{font-size:1.4rem;margin:.5rem 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}" +
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}" +
        "ol{padding-left:1.25rem}li{margin:.4rem 0}time{color:#555;font-variant-numeric:tabular-nums;margin-right:.5rem}" +
        ".lang{text-align:right;margin:0}.status{display:inline-block;padding:0 .4rem;border-radius:.25rem;background:#e8eef9}" +
        "button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.3rem;background:#1d4ed8;color:#fff;cursor:pointer}" +
        "footer{margin-top:2rem;color:#555;font-size:.9rem}";

    /// <summary>Encodes text for HTML content or a quoted attribute.</summary>
    public static string Encode(string text) => Encoder.Encode(text);

    /// <summary>The whole page, answered with headers that keep it out of caches, frames and Referer headers (its URL holds the code).</summary>
    public static IResult Render(HttpContext http, int status, string language, string title, string body, string switchPath)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        var other = PageLanguage.Other(language);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<p class=\"lang\"><a href=\"").Append(Encode(WithLanguage(switchPath, other))).Append("\" hreflang=\"").Append(other)
            .Append("\" lang=\"").Append(other).Append("\">").Append(SwitchTo.In(language)).Append("</a></p>\n")
            .Append(body)
            .Append("</main>\n</body>\n</html>\n");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary><paramref name="path"/> (perhaps with a query already) with <c>lang</c> set.</summary>
    public static string WithLanguage(string path, string language) => $"{path}{(path.Contains('?') ? '&' : '?')}lang={language}";
}
