using Microsoft.Extensions.Options;
using Open311.Api.Hosting;
using Open311.Api.GeoReport.Wire;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.RateLimits;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>POST requests: a client app submits a citizen's request, with its API key.</summary>
public static class SubmissionEndpoint
{
    public static void MapRequestSubmission(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/requests.{format}", PostRequest)
            .WithName("PostRequest")
            .WithSummary("Submit a request")
            .WithDescription("Form-encoded or multipart. Needs an API key (api_key field or X-Api-Key header). " +
                "Answers attribute[CODE] and attribute[CODE][] are checked against the service definition. " +
                "A multipart file field `media` (JPEG or PNG) is stored without its metadata and served at media_url.")
            .ProducesWire(WireResponse.Receipt)
            .WithMetadata(new IdempotencyKeyAccepted(IdempotencyCaller.ClientApp));

    public static async Task<WireResult> PostRequest(
        GeoReportCall call, SubmissionFields fields, HttpRequest request, Open311Db db, RequestLifecycle intake, SharedRateLimits rateLimits,
        IOptions<Open311Options> options, CancellationToken cancellationToken)
    {
        var format = call.Format;
        var (post, refusal) = await ClientPost.ReadAsync(call, fields.ApiKey, request, db, rateLimits, options.Value, cancellationToken);
        if (post is null)
        {
            return refusal!;
        }

        var (submission, formErrors) = SubmissionForm.Read(call, fields, post.Client.Id, post.Photo);
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

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
