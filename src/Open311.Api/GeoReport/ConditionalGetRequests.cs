using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>
/// The validators of GET requests/{id} and GET requests: weak tags hashed from what the answer is built from (the rows'
/// <c>updated_at</c>, which every public change moves, and the catalogue's version, which every change of a name, a
/// department or a workflow moves), with the call's format, language, zone and API base. A client whose tag still
/// matches gets a 304 after one small query instead of the answer. A request Open311 does not show (a private
/// category, another jurisdiction, no such id) is never looked at here: it gets the same 404 as always, never a tag.
/// </summary>
public sealed class ConditionalGetRequests
{
    private readonly CatalogVersion _catalog;
    private readonly string _inputs;

    private ConditionalGetRequests(GeoReportCall call, string apiBase, CatalogVersion catalog)
    {
        _catalog = catalog;
        _inputs = string.Join('|', catalog.Version.ToString(CultureInfo.InvariantCulture), call.Format, call.Language.Chosen, call.Language.Default, call.Zone.Id,
            apiBase);
    }

    public static async Task<ConditionalGetRequests> ForAsync(GeoReportCall call, string apiBase, CatalogCache catalog, CancellationToken cancellationToken) =>
        new(call, apiBase, (await catalog.ForAsync(call.JurisdictionId, cancellationToken)).Version);

    /// <summary>
    /// GET requests/{id} with a validator: a 304 when the client's copy is current, after reading only the request's
    /// <c>updated_at</c> through the same public filter as the answer; null when the answer must be built.
    /// </summary>
    public async Task<IResult?> NotModifiedAsync(HttpRequest request, Open311ReadDb reads, Open311Db primary, RequestFilter filter, bool extensions,
        CancellationToken cancellationToken)
    {
        // An app revalidates right after its own change too: the primary answers what the standby has not replayed yet.
        var (updatedAt, _) = await reads.FindAsync(primary, async db => await (await db.PublicPageAsync(filter, cancellationToken))
            .Select(r => (DateTimeOffset?)r.UpdatedAt).FirstOrDefaultAsync(cancellationToken), found => found is not null);
        if (updatedAt is not { } updated)
        {
            return null;
        }

        var (tag, lastModified) = (OneTag(updated, extensions), OneLastModified(updated));
        return ConditionalGet.IsCurrent(request, tag, lastModified) ? ConditionalGet.NotModified(tag, lastModified) : null;
    }

    /// <summary>The validators of a request's answer, on its 200.</summary>
    public void DescribeOne(HttpResponse response, DateTimeOffset updatedAt, bool extensions) =>
        ConditionalGet.Describe(response, OneTag(updatedAt, extensions), OneLastModified(updatedAt));

    /// <summary>
    /// GET requests' tag: the newest <c>updated_at</c> of the jurisdiction's public requests (any change, an insert included,
    /// moves it) and the oldest <c>requested_at</c> in the list's window (a sliding window loses a request only when it
    /// changes), one index probe each (<c>ix_requests_updated</c>, one of the (jurisdiction, requested_at) indexes), with the normalised query.
    /// Only public categories count: a tag that moved with a private request's change would show when a private category
    /// is busy. A request moved into a private category therefore moves no stamp; a copy of a list that held it stays
    /// current until the jurisdiction's next public change (spec/extensions.md, "Known limits"). Null
    /// for a moment after each change (<see cref="Open311Options.ListTagSettle"/>): a change stamped earlier than the
    /// newest but committed after it would not move the maximum, so no tag is given until such a change must have committed.
    /// </summary>
    public async Task<string?> ListTagAsync(Open311ReadDb reads, HttpRequest request, RequestFilter filter, DateTimeOffset now, TimeSpan settle,
        CancellationToken cancellationToken)
    {
        var stamp = await ListStamps(reads, filter.JurisdictionId, filter.From ?? DateTimeOffset.MinValue).FirstOrDefaultAsync(cancellationToken);
        if (stamp is null || stamp.Newest > now - settle)
        {
            return null;
        }

        var query = new StringBuilder();
        foreach (var (key, value) in request.Query.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            query.Append(key).Append('=').Append(value.ToString()).Append('&');
        }

        return ConditionalGet.WeakTag($"list|{stamp.Newest?.UtcTicks}|{stamp.Oldest?.UtcTicks}|{query}|{_inputs}");
    }

    private string OneTag(DateTimeOffset updatedAt, bool extensions) =>
        ConditionalGet.WeakTag($"one|{updatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{extensions}|{_inputs}");

    /// <summary>The later of the request's change and the catalogue's: either moves what the answer says.</summary>
    private DateTimeOffset OneLastModified(DateTimeOffset updatedAt) => _catalog.ChangedAt is { } changed && changed > updatedAt ? changed : updatedAt;

    internal sealed record ListStamp(DateTimeOffset? Newest, DateTimeOffset? Oldest);

    /// <summary>The list's stamp in one statement: two scalar subqueries, each one probe at an end of an index (ordered and limited, so even a wide window is one row).</summary>
    internal static IQueryable<ListStamp> ListStamps(Open311Db db, string jurisdictionId, DateTimeOffset from) => db.Jurisdictions
        .Where(j => j.Id == jurisdictionId)
        .Select(j => new ListStamp(
            db.Requests.Where(r => r.JurisdictionId == jurisdictionId && r.Service.IsPublic).OrderByDescending(r => r.UpdatedAt)
                .Select(r => (DateTimeOffset?)r.UpdatedAt).FirstOrDefault(),
            db.Requests.Where(r => r.JurisdictionId == jurisdictionId && r.RequestedAt >= from && r.Service.IsPublic).OrderBy(r => r.RequestedAt)
                .Select(r => (DateTimeOffset?)r.RequestedAt).FirstOrDefault()));
}
