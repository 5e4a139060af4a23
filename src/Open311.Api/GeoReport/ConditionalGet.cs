using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Open311.Api.GeoReport;

/// <summary>
/// Conditional GETs of public Open311 answers (RFC 9110 §13): the validators a polling app sends back
/// (<c>If-None-Match</c>, <c>If-Modified-Since</c>), the 304 that answers them with no body, and the
/// headers every such answer carries. The validators rest on data only (a hash of the answer's bytes or
/// of what it was built from, the catalogue's version and row timestamps), so every instance agrees.
/// </summary>
public static class ConditionalGet
{
    /// <summary>Public: any cache may keep the answer, but must ask again (with its validator) before each reuse.</summary>
    public const string PublicCacheControl = "public, no-cache";

    /// <summary>The answers with validators: services, definitions, one request and lists.</summary>
    public static bool Answers(WireResponse response) =>
        response is WireResponse.Services or WireResponse.ServiceDefinition or WireResponse.OneRequest or WireResponse.Requests;

    /// <summary>A strong tag: the answer's own bytes, hashed once when they are rendered.</summary>
    public static string StrongTag(ReadOnlySpan<byte> body) => $"\"{Encode(SHA256.HashData(body))}\"";

    /// <summary>A weak tag from what the answer is built from; opaque, so it tells nothing of the inputs.</summary>
    public static string WeakTag(string inputs) => $"W/\"{Encode(SHA256.HashData(Encoding.UTF8.GetBytes(inputs)))}\"";

    /// <summary>
    /// Whether the client's copy is current (RFC 9110 §13.2.2): <c>If-None-Match</c>, compared weakly, decides when
    /// present; else <c>If-Modified-Since</c> against <paramref name="lastModified"/>, at the one-second precision of HTTP dates.
    /// </summary>
    public static bool IsCurrent(HttpRequest request, string? tag, DateTimeOffset? lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return tag is not null && ifNoneMatch.Any(value => value is not null && ListMatches(value, tag));
        }

        return lastModified is { } modified
            && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && Seconds(modified) <= since;
    }

    /// <summary>The headers of a public answer with validators; the same on its 200 and its 304.</summary>
    public static void Describe(HttpResponse response, string tag, DateTimeOffset? lastModified)
    {
        var headers = response.Headers;
        headers.ETag = tag;
        headers.CacheControl = PublicCacheControl;
        // Texts follow Accept-Language when no locale is asked for.
        headers.Vary = HeaderNames.AcceptLanguage;
        if (lastModified is { } modified)
        {
            // Never later than now (RFC 9110 §8.8.2.1), whichever clock stamped it.
            var now = DateTimeOffset.UtcNow;
            headers.LastModified = HeaderUtilities.FormatDate(modified > now ? now : modified);
        }
    }

    /// <summary>304 Not Modified: no body, and the headers the 200 would have had.</summary>
    public static IResult NotModified(string tag, DateTimeOffset? lastModified) => new NotModifiedResult(tag, lastModified);

    private sealed class NotModifiedResult(string tag, DateTimeOffset? lastModified) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
            Describe(httpContext.Response, tag, lastModified);
            return Task.CompletedTask;
        }
    }

    /// <summary>One If-None-Match value: <c>*</c> or a comma-separated list of tags, each perhaps weak (<c>W/</c>).</summary>
    private static bool ListMatches(string value, string tag)
    {
        var ours = Opaque(tag);
        foreach (var range in value.AsSpan().Split(','))
        {
            var candidate = value.AsSpan(range).Trim();
            if (candidate is "*" || Opaque(candidate).SequenceEqual(ours))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The quoted part of a tag, without <c>W/</c>: weak comparison looks at nothing else.</summary>
    private static ReadOnlySpan<char> Opaque(ReadOnlySpan<char> tag) => tag.StartsWith("W/") ? tag[2..] : tag;

    private static string Encode(byte[] hash) => Base64Url.EncodeToString(hash.AsSpan(0, 16));

    private static DateTimeOffset Seconds(DateTimeOffset value) => new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
