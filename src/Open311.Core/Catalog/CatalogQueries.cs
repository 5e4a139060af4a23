using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Catalog;

/// <summary>The catalogue as citizens see it: active, public categories only.</summary>
public static class CatalogQueries
{
    public static IQueryable<ServiceCategory> PublicServices(this Open311Db db, string jurisdictionId) =>
        db.Services.AsNoTracking()
            .Where(s => s.JurisdictionId == jurisdictionId && s.Active && s.IsPublic);

    /// <summary>One public category with its attributes and their values, in form order.</summary>
    public static Task<ServiceCategory?> FindPublicServiceAsync(
        this Open311Db db, string jurisdictionId, string code, CancellationToken cancellationToken) =>
        db.PublicServices(jurisdictionId)
            .Include(s => s.Attributes.OrderBy(a => a.Order))
            .ThenInclude(a => a.Values.OrderBy(v => v.SortOrder).ThenBy(v => v.Id))
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
}
