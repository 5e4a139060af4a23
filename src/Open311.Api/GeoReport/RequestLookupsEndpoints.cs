using System.ComponentModel;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311.Api.GeoReport.Wire;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Duplicates;

namespace Open311.Api.GeoReport;

/// <summary>GET requests, GET requests/{id} and GET tokens/{token}.</summary>
public static class RequestLookupsEndpoints
{
    public static void MapRequestLookups(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/requests.{format}", GetRequests)
            .WithName("GetRequests")
            .WithSummary("Search requests")
            .WithDescription("Newest first. Without filters: the last {MaxWindowDays} days, at most {MaxPageSize}. service_request_id overrides every other filter. " +
                "Extensions: page/page_size, lat/long/radius, bbox, updated_after/updated_before, extensions=true, locale.")
            .ProducesWire(WireResponse.Requests);
        routes.MapGet("/requests/{service_request_id}.{format}", GetRequest)
            .WithName("GetRequest")
            .WithSummary("One request")
            .WithDescription("The request in a one-element list, as GeoReport v2 prescribes.")
            .ProducesWire(WireResponse.OneRequest);
        routes.MapGet("/tokens/{token}.{format}", GetToken)
            .WithName("GetToken")
            .WithSummary("Request id from a token")
            .WithDescription("Resolves the token a batch service returned. It resolves as soon as the request is stored.")
            .ProducesWire(WireResponse.Token);
    }

    public static async Task<IResult> GetRequests(
        GeoReportCall call, RequestSearchParameters search, ExtensionsParameter extensions, HttpContext http, Open311ReadDb reads, PublicUrls urls,
        CatalogCache catalog, IOptions<Open311Options> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (filter, errors) = RequestListQuery.Parse(call, search, now, options.Value);
        if (filter is null)
        {
            return Open311Errors.Result(call.Format, errors);
        }

        // Read before the rows: a change between the two makes the tag older than the answer, which costs a 200 later, never a wrong 304.
        var snapshot = await catalog.ForAsync(call.JurisdictionId, cancellationToken);
        var validators = new ConditionalGetRequests(call, urls.ApiBase(http.Request), snapshot);
        if (await validators.ListTagAsync(reads, http.Request, filter, now, options.Value.ListTagSettle, cancellationToken) is { } tag)
        {
            if (ConditionalGet.IsCurrent(http.Request, tag, lastModified: null))
            {
                return ConditionalGet.NotModified(tag, lastModified: null);
            }

            ConditionalGet.Describe(http.Response, tag, lastModified: null);
        }

        var rows = await reads.PublicViews(filter, snapshot.Names).ToListAsync(cancellationToken);
        var hasNext = rows.Count > filter.PageSize;
        var page = hasNext ? rows[..filter.PageSize] : rows;
        Paging.AddHeaders(http.Response, urls.ApiBase(http.Request), http.Request, filter.Page, page.Count, hasNext);
        return await RespondAsync(call, extensions, http.Request, () => reads, urls, snapshot.Names, page, cancellationToken);
    }

    public static async Task<IResult> GetRequest(
        GeoReportCall call, [Description("The request, as service_request_id gives it.")] string service_request_id, ExtensionsParameter extensions, HttpRequest request,
        PublicUrls urls, CatalogCache catalog, PublicRequestLookup lookup, CancellationToken cancellationToken)
    {
        var id = long.TryParse(service_request_id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var snapshot = await catalog.ForAsync(call.JurisdictionId, cancellationToken);
        var (row, fromPrimary) = await lookup.FindAsync(call.JurisdictionId, id, snapshot.Names, cancellationToken);
        if (row is null)
        {
            return Open311Errors.NotFound(call.Format, $"service_request_id {service_request_id} not found");
        }

        var validators = new ConditionalGetRequests(call, urls.ApiBase(request), snapshot);
        if (validators.NotModifiedOrDescribe(request, row.UpdatedAt, extensions.On) is { } notModified)
        {
            return notModified;
        }

        // A context is leased only when extensions=true reads the rest of the answer through it: a plain poll needs none.
        var services = request.HttpContext.RequestServices;
        Open311Db Source() => fromPrimary ? services.GetRequiredService<Open311Db>() : services.GetRequiredService<Open311ReadDb>();
        return await RespondAsync(call, extensions, request, Source, urls, snapshot.Names, [row], cancellationToken);
    }

    public static async Task<WireResult> GetToken(GeoReportCall call, [Description("The token a batch service's POST requests returned.")] string token,
        Open311ReadDb reads, Open311Db primary, CatalogCache catalog, CancellationToken cancellationToken)
    {
        var publicServiceIds = (await catalog.ForAsync(call.JurisdictionId, cancellationToken)).Names.ServiceIds;
        var match = Guid.TryParse(token, out var parsed)
            ? (await reads.FindAsync(primary, db => db.Requests.AsNoTracking()
                .Where(r => r.Token == parsed && r.JurisdictionId == call.JurisdictionId && publicServiceIds.Contains(r.ServiceId))
                .Select(r => (long?)r.Id)
                .FirstOrDefaultAsync(cancellationToken), found => found is not null)).Found
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
        GeoReportCall call, ExtensionsParameter extensions, HttpRequest request, Func<Open311Db> source, PublicUrls urls, PublicNames names,
        IReadOnlyList<RequestView> rows, CancellationToken cancellationToken)
    {
        RequestExtensions? extended = null;
        if (extensions.On)
        {
            var db = source();
            var ids = rows.Select(r => r.Id).ToList();
            var extras = await RequestExtras.ForAsync(db, ids, cancellationToken);
            var events = await db.RequestEvents.AsNoTracking()
                .Where(e => ids.Contains(e.RequestId) && e.IsPublic)
                .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
                .Select(e => new PublicNote(e.RequestId, e.OccurredAt, e.Kind, e.Note,
                    db.WorkflowStates.Where(s => s.Id == e.StateAfterId).Select(s => s.Label).FirstOrDefault()))
                .ToListAsync(cancellationToken);
            var suggested = (await db.DuplicateSuggestions.AsNoTracking().PublicPendingOf(ids).Select(d => new { d.RequestId, d.CandidateId })
                .ToListAsync(cancellationToken)).ToLookup(d => d.RequestId, d => d.CandidateId);
            extended = new RequestExtensions(extras, events.ToLookup(e => e.RequestId), suggested);
        }

        var document = new RequestDocument(call, names, view =>
            view.MediaId is { } mediaId ? urls.Media(request, mediaId) : view.ExternalMediaUrl);
        return new WireResult(call.Format, writer => document.Write(writer, rows, extended));
    }
}
