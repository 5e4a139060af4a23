using Open311.Api.Auth;
using Open311.Api.GeoReport.Wire;
using Open311.Core.Clients;
using Open311.Core.Data;
using Open311.Core.RateLimits;
using Open311.Core.Requests;
using Open311.Core.Requests.Photos;

namespace Open311.Api.GeoReport;

/// <summary>
/// What every POST of a client app (requests, servicerequestupdates) passes before its own fields
/// are read, in this order (spec/georeport-v2.md, order of checks 2–6): a form body that could be
/// read, a valid API key of the call's jurisdiction, the app's rate limit, and the photo if one came.
/// </summary>
public sealed record ClientPost(ApiClient Client, UploadedImage? Photo)
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The client app and its cleaned photo, or the Open311 error that refuses the call.</summary>
    public static async Task<(ClientPost? Post, WireResult? Refusal)> ReadAsync(GeoReportCall call, string? apiKey, HttpRequest request, Open311Db db,
        SharedRateLimits rateLimits, Open311Options options, CancellationToken cancellationToken)
    {
        var format = call.Format;
        if (!request.HasFormContentType)
        {
            return (null, Open311Errors.BadRequest(format, "the body must be application/x-www-form-urlencoded or multipart/form-data"));
        }

        if (call.Parameters.Form is not { } form)
        {
            return (null, Open311Errors.BadRequest(format, "the form could not be read: it is malformed or larger than allowed"));
        }

        var key = apiKey ?? request.Headers[ApiKeyHeader].ToString();
        var client = string.IsNullOrWhiteSpace(key) ? null : await db.FindClientAsync(key, cancellationToken);
        if (client is null)
        {
            return (null, Open311Errors.Forbidden(format, "api_key is missing or not valid"));
        }

        if (client.JurisdictionId != call.JurisdictionId)
        {
            return (null, Open311Errors.Forbidden(format, $"api_key is not valid for jurisdiction {call.JurisdictionId}"));
        }

        var decision = await rateLimits.TryTakeAsync($"client:{client.Id}", client.RateLimitPerMinute, TimeSpan.FromMinutes(1), cancellationToken);
        if (!decision.Allowed)
        {
            request.HttpContext.Response.Headers.RetryAfter = RetryAfter.Seconds(decision.RetryAfter);
            return (null, Open311Errors.Result(format, [new(StatusCodes.Status429TooManyRequests, $"more than {client.RateLimitPerMinute} submissions a minute from this api_key; try again later")]));
        }

        var (photo, photoError) = await ReadPhotoAsync(form, options.MaxPhotoBytes, cancellationToken);
        return photoError is null ? (new ClientPost(client, photo), null) : (null, Open311Errors.BadRequest(format, photoError));
    }

    private static async Task<(UploadedImage?, string?)> ReadPhotoAsync(IFormCollection form, int maxBytes, CancellationToken cancellationToken)
    {
        // The spec's field is `media`; a lone file under another name (FixMyStreet's `photo1`) is taken too.
        var file = form.Files["media"] ?? (form.Files.Count == 1 ? form.Files[0] : null);
        if (file is null || file.Length == 0)
        {
            return (null, null);
        }

        if (file.Length > maxBytes)
        {
            return (null, $"media must be at most {maxBytes / (1024 * 1024)} MB");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return ImageSanitizer.Sanitize(buffer.ToArray());
    }
}
