using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311.Api.GeoReport.Wire;
using Open311.Core;
using Open311.Core.Data;
using Open311.Core.RateLimits;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>
/// mySociety's request updates, as FixMyStreet and its open311-adapter speak them: GET
/// servicerequestupdates lists the public history, POST servicerequestupdates takes a citizen's follow-up.
/// </summary>
public static class RequestUpdatesEndpoints
{
    public static void MapRequestUpdates(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/servicerequestupdates.{format}", GetUpdates)
            .WithName("GetRequestUpdates")
            .WithSummary("Public updates of requests")
            .WithDescription("The public history of public requests (status changes and public notes, not submissions), oldest first. " +
                "Without dates: the last {MaxWindowDays} days, at most {MaxPageSize} a page. An api_key may be sent and is not needed.")
            .ProducesWire(WireResponse.Updates);
        routes.MapPost("/servicerequestupdates.{format}", PostUpdate)
            .WithName("PostRequestUpdate")
            .WithSummary("Send a citizen's update")
            .WithDescription("Form-encoded or multipart. Needs an API key (api_key field or X-Api-Key header). The update becomes a history event " +
                "staff see (not public); status=open on a closed request reopens it where the workflow allows. Idempotent on update_id per client app.")
            .ProducesWire(WireResponse.UpdateReceipt);
    }

    public static async Task<WireResult> GetUpdates(GeoReportCall call, UpdateSearchParameters search, HttpContext http, Open311ReadDb reads, PublicUrls urls,
        IOptions<Open311Options> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new List<Open311Error>();
        var (from, to) = RequestListQuery.ReadWindow(search.StartDate, search.EndDate, unbounded: false, clock.GetUtcNow(), options.Value, errors);
        var (page, pageSize) = RequestListQuery.ReadPage(search.Page, search.PageSize, options.Value, errors);
        if (errors.Count > 0)
        {
            return Open311Errors.Result(call.Format, errors);
        }

        var rows = await reads.PublicUpdates(new UpdateFilter(call.JurisdictionId, from!.Value, to!.Value, page, pageSize)).ToListAsync(cancellationToken);
        var hasNext = rows.Count > pageSize;
        var updates = hasNext ? rows[..pageSize] : rows;
        Paging.AddHeaders(http.Response, urls.ApiBase(http.Request), http.Request, page, updates.Count, hasNext);
        return new WireResult(call.Format, writer =>
        {
            writer.StartList("service_request_updates");
            foreach (var update in updates)
            {
                writer.StartItem("request_update");
                writer.String("update_id", update.Id.ToString(CultureInfo.InvariantCulture));
                writer.String("service_request_id", update.RequestId.ToString(CultureInfo.InvariantCulture));
                writer.String("status", update.Status.ToOpen311());
                writer.String("updated_datetime", Iso8601.Format(update.OccurredAt, call.Zone));
                writer.String("description", update.Note);
                writer.String("media_url", update.MediaId is { } media ? urls.Media(http.Request, media) : null);
                writer.String("external_status_code", update.StateCode);
                writer.EndItem();
            }

            writer.EndDocument();
        });
    }

    public static async Task<WireResult> PostUpdate(GeoReportCall call, UpdateFields fields, HttpRequest request, Open311Db db, RequestLifecycle lifecycle,
        SharedRateLimits rateLimits, IOptions<Open311Options> options, CancellationToken cancellationToken)
    {
        var format = call.Format;
        var (post, refusal) = await ClientPost.ReadAsync(call, fields.ApiKey, request, db, rateLimits, options.Value, cancellationToken);
        if (post is null)
        {
            return refusal!;
        }

        var (update, formErrors) = UpdateForm.Read(call, fields, post.Client.Id, post.Photo);
        if (update is null)
        {
            return Open311Errors.Result(format, formErrors);
        }

        var result = await lifecycle.AddCitizenUpdateAsync(update, cancellationToken);
        var status = result.Outcome switch
        {
            CitizenUpdateOutcome.NotFound => StatusCodes.Status404NotFound,
            CitizenUpdateOutcome.Busy => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        if (result.Outcome != CitizenUpdateOutcome.Recorded)
        {
            return Open311Errors.Result(format, [.. result.Errors.Select(e => new Open311Error(status, e.Description))]);
        }

        return new WireResult(format, writer =>
        {
            writer.StartList("service_request_updates");
            writer.StartItem("request_update");
            writer.String("update_id", result.UpdateId.ToString(CultureInfo.InvariantCulture));
            writer.String("status", result.Status.ToOpen311());
            writer.Boolean("status_changed", result.StatusChanged);
            writer.EndItem();
            writer.EndDocument();
        });
    }
}
