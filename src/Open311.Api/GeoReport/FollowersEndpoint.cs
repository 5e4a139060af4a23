using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Options;
using Open311.Api.GeoReport.Wire;
using Open311.Core.Data;
using Open311.Core.RateLimits;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>
/// Extension: a citizen's "me too" from an app. The citizen is told of the request's progress like its requester, and
/// can stop like them. A private or unknown request is the same 404, so nothing is revealed.
/// </summary>
public static class FollowersEndpoint
{
    public static void MapFollowers(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/requests/{service_request_id}/followers.{format}", PostFollower)
            .WithName("PostFollower")
            .WithSummary("Follow a request (\"me too\")")
            .WithDescription("Extension. Form-encoded, with an API key. The same contact and alert fields and checks as POST requests. " +
                "200 whether the citizen is a new follower, already follows it or made it: the answer never tells whose address it is.")
            .ProducesWire(WireResponse.Following);

    public static async Task<WireResult> PostFollower(GeoReportCall call, [Description("The request to follow, as service_request_id gives it.")] string service_request_id,
        FollowerFields fields, HttpRequest request, Open311Db db, RequestLifecycle lifecycle, SharedRateLimits rateLimits, IOptions<Open311Options> options,
        CancellationToken cancellationToken)
    {
        var format = call.Format;
        var (post, refusal) = await ClientPost.ReadAsync(call, fields.ApiKey, request, db, rateLimits, options.Value, cancellationToken);
        if (post is null)
        {
            return refusal!;
        }

        var errors = new List<Open311Error>();
        var emailAlerts = SubmissionForm.ReadFlag(fields.EmailAlertsRequested, SubmissionForm.EmailAlertsField, errors);
        var smsAlerts = SubmissionForm.ReadFlag(fields.SmsAlertsRequested, SubmissionForm.SmsAlertsField, errors);
        if (errors.Count > 0)
        {
            return Open311Errors.Result(format, errors);
        }

        if (!long.TryParse(service_request_id, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Open311Errors.Result(format, [new(404, $"service_request_id {service_request_id} not found")]);
        }

        var result = await lifecycle.FollowFromAppAsync(call.JurisdictionId, post.Client.Id, id,
            new NewFollower(fields.Email, fields.Phone, emailAlerts, smsAlerts, fields.AlertsLanguage?.ToLowerInvariant() ?? call.Language.Chosen),
            cancellationToken);
        return result.Outcome switch
        {
            FollowOutcome.NotFound => Open311Errors.Result(format, [new(404, $"service_request_id {service_request_id} not found")]),
            FollowOutcome.Added or FollowOutcome.AlreadyFollowing => new WireResult(format, writer =>
            {
                writer.StartList("service_requests");
                writer.StartItem("request");
                writer.String("service_request_id", id.ToString(CultureInfo.InvariantCulture));
                writer.Boolean("following", true);
                writer.EndItem();
                writer.EndDocument();
            }, StatusCodes.Status200OK), // the same for a new follower and one already following: whose address it is stays private
            _ => Open311Errors.Result(format, [.. result.Errors.Select(e => new Open311Error(400, SubmissionForm.Describe(e)))]),
        };
    }
}
