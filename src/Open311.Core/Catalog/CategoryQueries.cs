using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Catalog;

public static class CategoryQueries
{
    /// <summary>A jurisdiction's categories, private and inactive ones included, with their attributes and values in form order.</summary>
    public static IQueryable<ServiceCategory> CategoriesOf(this Open311Db db, string jurisdictionId) =>
        db.Services.AsNoTracking()
            .Where(s => s.JurisdictionId == jurisdictionId)
            .Include(s => s.Attributes.OrderBy(a => a.Order))
            .ThenInclude(a => a.Values.OrderBy(v => v.SortOrder))
            .AsSplitQuery();
}
