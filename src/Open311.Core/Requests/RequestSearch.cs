using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Requests;

/// <summary>Public request lists: filters, newest-first order and paging, each served by an index of 0001_initial.sql.</summary>
public static class RequestSearch
{
    /// <summary>
    /// One page, plus one row more than asked for so that the caller knows whether a next page exists.
    /// Only public categories: a private category's requests never leave through Open311.
    /// </summary>
    public static IQueryable<ServiceRequest> PublicPage(this Open311Db db, RequestFilter filter)
    {
        var requests = Source(db, filter).AsNoTracking()
            .Where(r => r.JurisdictionId == filter.JurisdictionId && r.Service.IsPublic);
        if (filter.Ids is { } ids)
        {
            return requests.Where(r => ids.Contains(r.Id)).OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id);
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

        if (filter.ServiceCodes is { } codes)
        {
            requests = requests.Where(r => codes.Contains(r.Service.Code));
        }

        if (filter.Statuses is { } statuses)
        {
            requests = requests.Where(r => statuses.Contains(r.Status));
        }

        if (filter.UpdatedAfter is { } after)
        {
            requests = requests.Where(r => r.UpdatedAt > after);
        }

        if (filter.UpdatedBefore is { } before)
        {
            requests = requests.Where(r => r.UpdatedAt < before);
        }

        return requests
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize + 1);
    }

    /// <summary>The spatial filters run in PostGIS on the indexed <c>location</c> column, which EF does not map.</summary>
    private static IQueryable<ServiceRequest> Source(Open311Db db, RequestFilter filter)
    {
        if (filter.Near is { } near)
        {
            return db.Requests.FromSql($"""
                SELECT * FROM service_requests
                WHERE ST_DWithin(location, ST_SetSRID(ST_MakePoint({near.Long}, {near.Lat}), 4326)::geography, {near.RadiusMetres})
                """);
        }

        if (filter.Within is { } box)
        {
            return db.Requests.FromSql($"""
                SELECT * FROM service_requests
                WHERE location && ST_MakeEnvelope({box.Left}, {box.Bottom}, {box.Right}, {box.Top}, 4326)::geography
                """);
        }

        return db.Requests;
    }
}
