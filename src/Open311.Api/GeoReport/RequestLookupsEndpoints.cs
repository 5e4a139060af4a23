using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311.Api.GeoReport.Wire;
using Open311.Api.Hosting;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>GET requests, GET requests/{id} and GET tokens/{token}.</summary>
public static class RequestLookupsEndpoints
{
    public static void MapRequestLookups(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/requests.{format}", GetRequests)
            .WithName("GetRequests")
            .WithSummary("Search requests")
            .WithDescription("Newest first. Without filters: the last 90 days, at most 1,000. service_request_id overrides every other filter. " +
                "Extensions: page/page_size, lat/long/radius, bbox, updated_after/updated_before, extensions=true, locale.")
            .WithWireParameters(
                WireResponse.Requests,
                new("service_request_id", "Comma-separated ids. When given, every other filter is ignored."),
                new("protocol_number", "Extension: the protocol number a caller was given (e.g. 2026/004217). Like service_request_id, it overrides the other filters."),
                new("service_code", "Comma-separated service codes."),
                new("start_date", "Earliest requested_datetime (ISO 8601 with offset). With end_date, at most 90 days apart.", "datetime"),
                new("end_date", "Latest requested_datetime (ISO 8601 with offset).", "datetime"),
                new("status", "open, closed, or open,closed."),
                new("page", "Extension: 1-based page number. Link headers point to the next and previous pages.", "integer"),
                new("page_size", "Extension: results per page, 1 to 1,000 (default 1,000).", "integer"),
                new("lat", "Extension: with long, requests within radius of this point.", "number"),
                new("long", "Extension: with lat.", "number"),
                new("radius", "Extension: metres around lat/long (default 1,000, at most 50,000).", "number"),
                new("bbox", "Extension: left,bottom,right,top in WGS84 degrees. Not with lat/long."),
                new("updated_after", "Extension: only requests changed after this time (ISO 8601 with offset). Without start_date/end_date, no 90-day window applies.", "datetime"),
                new("updated_before", "Extension: only requests changed before this time.", "datetime"),
                ExtensionsParameter);
        routes.MapGet("/requests/{service_request_id}.{format}", GetRequest)
            .WithName("GetRequest")
            .WithSummary("One request")
            .WithDescription("The request in a one-element list, as GeoReport v2 prescribes.")
            .WithWireParameters(WireResponse.OneRequest, ExtensionsParameter);
        routes.MapGet("/tokens/{token}.{format}", GetToken)
            .WithName("GetToken")
            .WithSummary("Request id from a token")
            .WithDescription("Resolves the token a batch service returned. It resolves as soon as the request is stored.")
            .WithWireParameters(WireResponse.Token);
    }

    private static readonly WireParameter ExtensionsParameter =
        new("extensions", "Extension: true adds extended_attributes, attributes and the public history as notes.");

    public static async Task<WireResult> GetRequests(
        GeoReportCall call, HttpContext http, Open311Db db, PublicUrls urls,
        IOptions<Open311Options> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (filter, errors) = RequestListQuery.Parse(call, clock.GetUtcNow(), options.Value);
        if (filter is null)
        {
            return Open311Errors.Result(call.Format, errors);
        }

        var rows = await (await db.PublicViewsAsync(filter, call.Language, cancellationToken)).ToListAsync(cancellationToken);
        var hasNext = rows.Count > filter.PageSize;
        var page = hasNext ? rows[..filter.PageSize] : rows;
        Paging.AddHeaders(http.Response, urls.ApiBase(http.Request), http.Request, filter.Page, page.Count, hasNext);
        return await RespondAsync(call, http.Request, db, urls, page, cancellationToken);
    }

    public static async Task<WireResult> GetRequest(
        GeoReportCall call, string service_request_id, HttpRequest request, Open311Db db, PublicUrls urls, CancellationToken cancellationToken)
    {
        var id = long.TryParse(service_request_id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var filter = new RequestFilter { JurisdictionId = call.JurisdictionId, Ids = [id] };
        var rows = await (await db.PublicViewsAsync(filter, call.Language, cancellationToken)).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return Open311Errors.NotFound(call.Format, $"service_request_id {service_request_id} not found");
        }

        return await RespondAsync(call, request, db, urls, rows, cancellationToken);
    }

    public static async Task<WireResult> GetToken(GeoReportCall call, string token, Open311Db db, CancellationToken cancellationToken)
    {
        var match = Guid.TryParse(token, out var parsed)
            ? await db.Requests.AsNoTracking()
                .Where(r => r.Token == parsed && r.JurisdictionId == call.JurisdictionId && r.Service.IsPublic)
                .Select(r => (long?)r.Id)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        if (match is not { } id)
        {
            return Open311Errors.NotFound(call.Format, $"token {token} not found");
        }

        return new WireResult(call.Format, writer =>
        {
            writer.StartList("service_requests");
            writer.StartItem("request");
            writer.String("service_request_id", id.ToString(CultureInfo.InvariantCulture));
            writer.String("token", token);
            writer.EndItem();
            writer.EndDocument();
        });
    }

    private static async Task<WireResult> RespondAsync(
        GeoReportCall call, HttpRequest request, Open311Db db, PublicUrls urls, IReadOnlyList<RequestView> rows,
        CancellationToken cancellationToken)
    {
        ILookup<long, PublicNote>? notes = null;
        if (string.Equals(call.Parameters.Get("extensions"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var ids = rows.Select(r => r.Id).ToList();
            var events = await db.RequestEvents.AsNoTracking()
                .Where(e => ids.Contains(e.RequestId) && e.IsPublic)
                .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
                .Select(e => new PublicNote(e.RequestId, e.OccurredAt, e.Kind, e.Note,
                    db.WorkflowStates.Where(s => s.Id == e.StateAfterId).Select(s => s.Label).FirstOrDefault()))
                .ToListAsync(cancellationToken);
            notes = events.ToLookup(e => e.RequestId);
        }

        var document = new RequestDocument(call, view =>
            view.MediaId is { } mediaId ? urls.Media(request, mediaId) : view.ExternalMediaUrl);
        return new WireResult(call.Format, writer => document.Write(writer, rows, notes));
    }
}
