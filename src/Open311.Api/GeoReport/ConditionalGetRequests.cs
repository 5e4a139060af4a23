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
/// matches gets a 304 instead of the answer: after the request's own read, or after one small query for a list. A request Open311 does not show (a private
/// category, another jurisdiction, no such id) is never looked at here: it gets the same 404 as always, never a tag.
/// </summary>
public sealed class ConditionalGetRequests
{
    private readonly CatalogSnapshot _catalog;
    private readonly string _inputs;

    /// <summary>The validators of answers built from <paramref name="catalog"/>, the snapshot whose names the answer shows.</summary>
    public ConditionalGetRequests(GeoReportCall call, string apiBase, CatalogSnapshot catalog)
    {
        _catalog = catalog;
        _inputs = string.Join('|', catalog.Version.Version.ToString(CultureInfo.InvariantCulture), call.Format, call.Language.Chosen, call.Language.Default,
            call.Zone.Id, apiBase);
    }

    /// <summary>
    /// GET requests/{id}: a 304 when the client's copy of the request, last changed at <paramref name="updatedAt"/>, is
    /// current; else null, with the validators set on the 200 that follows.
    /// </summary>
    public IResult? NotModifiedOrDescribe(HttpRequest request, DateTimeOffset updatedAt, bool extensions)
    {
        var (tag, lastModified) = (OneTag(updatedAt, extensions), OneLastModified(updatedAt));
        if (ConditionalGet.IsCurrent(request, tag, lastModified))
        {
            return ConditionalGet.NotModified(tag, lastModified);
        }

        ConditionalGet.Describe(request.HttpContext.Response, tag, lastModified);
        return null;
    }

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
        var stamp = await ListStamps(reads, filter.JurisdictionId, filter.From ?? DateTimeOffset.MinValue, _catalog.Names.ServiceIds)
            .FirstOrDefaultAsync(cancellationToken);
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
    private DateTimeOffset OneLastModified(DateTimeOffset updatedAt) => _catalog.Version.ChangedAt is { } changed && changed > updatedAt ? changed : updatedAt;

    internal sealed record ListStamp(DateTimeOffset? Newest, DateTimeOffset? Oldest);

    /// <summary>The list's stamp in one statement: two scalar subqueries, each one probe at an end of an index (ordered and limited, so even a wide window is one row).</summary>
    internal static IQueryable<ListStamp> ListStamps(Open311Db db, string jurisdictionId, DateTimeOffset from, IReadOnlyList<long> publicServiceIds) =>
        db.Jurisdictions
            .Where(j => j.Id == jurisdictionId)
            .Select(j => new ListStamp(
                db.Requests.Where(r => r.JurisdictionId == jurisdictionId && publicServiceIds.Contains(r.ServiceId)).OrderByDescending(r => r.UpdatedAt)
                    .Select(r => (DateTimeOffset?)r.UpdatedAt).FirstOrDefault(),
                db.Requests.Where(r => r.JurisdictionId == jurisdictionId && r.RequestedAt >= from && publicServiceIds.Contains(r.ServiceId))
                    .OrderBy(r => r.RequestedAt)
                    .Select(r => (DateTimeOffset?)r.RequestedAt).FirstOrDefault()));
}
