using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Core.Duplicates;

/// <summary>Administrators set each category's duplicate check; saved with the category's audit record, cached like the catalogue.</summary>
public sealed class DuplicateCheckAdministration(Open311Db db, TimeProvider clock)
{
    public async Task<AdminResult<ServiceCategory>> SetAsync(StaffActor actor, long serviceId, int distanceMetres, int ageDays,
        CancellationToken cancellationToken)
    {
        var category = await db.Services.AsTracking().FirstOrDefaultAsync(s => s.Id == serviceId && s.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (category is null)
        {
            return AdminResult<ServiceCategory>.NotFound($"no category {serviceId}");
        }

        if (DuplicateCheck.Check(distanceMetres, ageDays) is { Count: > 0 } errors)
        {
            return AdminResult<ServiceCategory>.Invalid(errors);
        }

        (category.DuplicateDistanceMetres, category.DuplicateAgeDays) = (distanceMetres, ageDays);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<ServiceCategory>.Done(category);
    }
}
