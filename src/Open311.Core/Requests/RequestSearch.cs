using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Search;

namespace Open311.Core.Requests;

/// <summary>Public request lists: filters, newest-first order and paging, each served by an index of 0001_initial.sql.</summary>
public static class RequestSearch
{
    /// <summary>
    /// One page, plus one row more than asked for so that the caller knows whether a next page exists.
    /// Only public categories, by id from the catalogue in memory (<paramref name="names"/>), never by a join: a
    /// private category's requests never leave through Open311, a category unknown to the snapshot counts as private
    /// until the snapshot knows it, and a list of one category is "service_id = x", which can walk the
    /// (service_id, requested_at) index newest first and stop at the page's end, where "service_id = ANY(...)" or a
    /// join on the category makes PostgreSQL fetch every match and sort.
    /// </summary>
    public static IQueryable<ServiceRequest> PublicPage(this Open311Db db, RequestFilter filter, PublicNames names)
    {
        // Ids and a protocol number override every other filter, service codes included.
        var serviceIds = filter.ServiceCodes is { } codes && filter.Ids is null && filter.ProtocolNumber is null ? names.ServiceIdsOf(codes) : names.ServiceIds;
        var onlyService = serviceIds.Count == 1 ? serviceIds[0] : 0;
        var requests = Source(db, filter).AsNoTracking().Where(r => r.JurisdictionId == filter.JurisdictionId);
        requests = serviceIds.Count == 1 ? requests.Where(r => r.ServiceId == onlyService) : requests.Where(r => serviceIds.Contains(r.ServiceId));
        if (filter.Ids is { } ids)
        {
            // One id as an equality: "id = ANY($1)" looks dearer to PostgreSQL's generic plan than one planned for a
            // one-element array, so a prepared statement would be planned again at every call.
            var onlyId = ids.Count == 1 ? ids[0] : 0;
            var matching = ids.Count == 1 ? requests.Where(r => r.Id == onlyId) : requests.Where(r => ids.Contains(r.Id));
            return matching.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id);
        }

        if (filter.ProtocolNumber is { } number)
        {
            return requests.Where(r => r.ProtocolNumber == number).OrderByDescending(r => r.Id);
        }

        if (filter.From is { } from)
        {
            requests = requests.Where(r => r.RequestedAt >= from);
        }

        if (filter.To is { } to)
        {
            requests = requests.Where(r => r.RequestedAt <= to);
        }

        if (filter.Statuses is { Count: 1 } single)
        {
            // A constant, not a parameter: a prepared statement's generic plan can then use the partial indexes on open requests.
            var status = single[0];
            requests = requests.Where(r => r.Status == EF.Constant(status));
        }

        if (filter.UpdatedAfter is { } after)
        {
            requests = requests.Where(r => r.UpdatedAt > after);
        }

        if (filter.UpdatedBefore is { } before)
        {
            requests = requests.Where(r => r.UpdatedAt < before);
        }

        var ordered = filter.Text is { } text
            ? requests.Join(db.Hits(text, filter.JurisdictionId, publicOnly: true), r => r.Id, h => h.Id, (r, h) => new { Request = r, h.Rank })
                .OrderByDescending(m => m.Rank).ThenByDescending(m => m.Request.RequestedAt).ThenByDescending(m => m.Request.Id)
                .Select(m => m.Request)
            : requests.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id);
        return ordered
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize + 1);
    }

    /// <summary>
    /// The spatial filters: the only list queries written in SQL, because the planner needs their
    /// shape to use the spatial indexes (BENCHMARKING.md), checked by IndexPlanTests.
    /// Radius: ST_DWithin on the geography column, which PostGIS turns into an index condition on
    /// ix_requests_location(_open). Box: containment in degrees, edges included, not on great
    /// circles; <c>location::geometry &amp;&amp;</c> finds candidates through ix_requests_point(_open)
    /// (0007), whose float boxes may hold a point a hair outside, so the lat/long ranges decide.
    /// </summary>
    private static IQueryable<ServiceRequest> Source(Open311Db db, RequestFilter filter) => filter switch
    {
        { Near: { } near } => db.Requests.FromSql($"""
            SELECT * FROM service_requests
            WHERE ST_DWithin(location, ST_SetSRID(ST_MakePoint({near.Long}, {near.Lat}), 4326)::geography, {near.RadiusMetres})
            """),
        { Within: { } box } => db.Requests.FromSql($"""
            SELECT * FROM service_requests
            WHERE location::geometry && ST_MakeEnvelope({box.Left}, {box.Bottom}, {box.Right}, {box.Top}, 4326)
            """).Where(r => r.Long >= box.Left && r.Long <= box.Right && r.Lat >= box.Bottom && r.Lat <= box.Top),
        _ => db.Requests,
    };
}
