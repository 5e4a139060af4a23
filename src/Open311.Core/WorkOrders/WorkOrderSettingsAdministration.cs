using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Core.WorkOrders;

/// <summary>What a jurisdiction does when a request's last work order is done: checked here, saved with its audit record.</summary>
public sealed class WorkOrderSettingsAdministration(Open311Db db, TimeProvider clock)
{
    public async Task<AdminResult<Jurisdiction>> SetAsync(StaffActor actor, string? completion, CancellationToken cancellationToken)
    {
        if (!Enum.GetValues<WorkOrderCompletion>().Any(c => c.ToOpen311() == completion))
        {
            return AdminResult<Jurisdiction>.Invalid([new("completion", "offer (the request's detail says it can be closed) or close (it is closed at once)")]);
        }

        var jurisdiction = await db.Jurisdictions.SingleAsync(j => j.Id == actor.JurisdictionId, cancellationToken);
        jurisdiction.WorkOrderCompletion = Enum.Parse<WorkOrderCompletion>(completion!, ignoreCase: true);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<Jurisdiction>.Done(jurisdiction);
    }
}
