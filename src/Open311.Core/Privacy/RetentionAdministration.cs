using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Core.Privacy;

/// <summary>How long a jurisdiction keeps contact data after closure: checked here, saved with its audit record.</summary>
public sealed class RetentionAdministration(Open311Db db, TimeProvider clock)
{
    public async Task<AdminResult<Jurisdiction>> SetAsync(StaffActor actor, int months, CancellationToken cancellationToken)
    {
        if (months is < 1 or > Jurisdiction.MaxContactRetentionMonths)
        {
            return AdminResult<Jurisdiction>.Invalid([new("contact_retention_months", $"from 1 to {Jurisdiction.MaxContactRetentionMonths} months")]);
        }

        var jurisdiction = await db.Jurisdictions.SingleAsync(j => j.Id == actor.JurisdictionId, cancellationToken);
        jurisdiction.ContactRetentionMonths = months;
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<Jurisdiction>.Done(jurisdiction);
    }
}
