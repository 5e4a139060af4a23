using Microsoft.Extensions.Options;
using Open311.Api.GeoReport.Wire;
using Open311.Core.Catalog;
using Open311.Core.Clients;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.Requests.Photos;

namespace Open311.Api.GeoReport;

/// <summary>POST requests: a client app submits a citizen's request, with its API key.</summary>
public static class SubmissionEndpoint
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static void MapRequestSubmission(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/requests.{format}", PostRequest)
            .WithName("PostRequest")
            .WithSummary("Submit a request")
            .WithDescription("Form-encoded or multipart. Needs an API key (api_key field or X-Api-Key header). " +
                "Answers attribute[CODE] and attribute[CODE][] are checked against the service definition. " +
                "A multipart file field `media` (JPEG or PNG) is stored without its metadata and served at media_url.")
            .ProducesWire(WireResponse.Receipt);

    public static async Task<WireResult> PostRequest(
        GeoReportCall call, SubmissionFields fields, HttpRequest request, Open311Db db, RequestLifecycle intake, ClientRateLimits rateLimits,
        IOptions<Open311Options> options, CancellationToken cancellationToken)
    {
        var format = call.Format;
        if (!request.HasFormContentType)
        {
            return Open311Errors.BadRequest(format, "the body must be application/x-www-form-urlencoded or multipart/form-data");
        }

        var parameters = call.Parameters;
        if (parameters.Form is null)
        {
            return Open311Errors.BadRequest(format, "the form could not be read: it is malformed or larger than allowed");
        }

        var key = fields.ApiKey ?? request.Headers[ApiKeyHeader].ToString();
        var client = string.IsNullOrWhiteSpace(key) ? null : await db.FindClientAsync(key, cancellationToken);
        if (client is null)
        {
            return Open311Errors.Forbidden(format, "api_key is missing or not valid");
        }

        if (client.JurisdictionId != call.JurisdictionId)
        {
            return Open311Errors.Forbidden(format, $"api_key is not valid for jurisdiction {call.JurisdictionId}");
        }

        if (!rateLimits.TryAcquire(client))
        {
            request.HttpContext.Response.Headers.RetryAfter = "60";
            return Open311Errors.Result(format, [new(StatusCodes.Status429TooManyRequests, $"more than {client.RateLimitPerMinute} submissions a minute from this api_key; try again later")]);
        }

        var (photo, photoError) = await ReadPhotoAsync(parameters.Form, options.Value.MaxPhotoBytes, cancellationToken);
        if (photoError is not null)
        {
            return Open311Errors.BadRequest(format, photoError);
        }

        var (submission, formErrors) = SubmissionForm.Read(call, fields, client.Id, photo);
        if (submission is null)
        {
            return Open311Errors.Result(format, formErrors);
        }

        var result = await intake.SubmitAsync(submission, cancellationToken);
        if (result.Request is not { } stored)
        {
            return Open311Errors.Result(format, [.. result.Errors.Select(e => new Open311Error(e.NotFound ? 404 : 400, SubmissionForm.Describe(e)))]);
        }

        return new WireResult(format, writer =>
        {
            writer.StartList("service_requests");
            writer.StartItem("request");
            if (stored.ServiceType == ServiceType.Realtime)
            {
                writer.String("service_request_id", stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (stored.ServiceType == ServiceType.Batch)
            {
                writer.String("token", stored.Token!.Value.ToString());
            }

            writer.String("service_notice", NullIfEmpty(stored.Notice.In(call.Language)));
            writer.String("account_id", submission.Contact.AccountId);
            writer.EndItem();
            writer.EndDocument();
        });
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

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
