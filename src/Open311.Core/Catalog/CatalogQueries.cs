using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Catalog;

public static class CatalogQueries
{
    /// <summary>The catalogue as citizens see it: active, public categories only.</summary>
    public static IQueryable<ServiceCategory> PublicServices(this Open311Db db, string jurisdictionId) =>
        db.ActiveServices(jurisdictionId, includePrivate: false);

    /// <summary>Categories that take new requests; private ones (e.g. social support) only through staff intake.</summary>
    public static IQueryable<ServiceCategory> ActiveServices(this Open311Db db, string jurisdictionId, bool includePrivate) =>
        db.Services.AsNoTracking()
            .Where(s => s.JurisdictionId == jurisdictionId && s.Active && (s.IsPublic || includePrivate));

    /// <summary>One public category with its attributes and their values, in form order.</summary>
    public static Task<ServiceCategory?> FindPublicServiceAsync(
        this Open311Db db, string jurisdictionId, string code, CancellationToken cancellationToken) =>
        db.FindServiceAsync(jurisdictionId, code, includePrivate: false, cancellationToken);

    public static Task<ServiceCategory?> FindServiceAsync(
        this Open311Db db, string jurisdictionId, string code, bool includePrivate, CancellationToken cancellationToken) =>
        db.ActiveServices(jurisdictionId, includePrivate)
            .Include(s => s.Attributes.OrderBy(a => a.Order))
            .ThenInclude(a => a.Values.OrderBy(v => v.SortOrder).ThenBy(v => v.Id))
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
}
