using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Catalog;
using Open311.Core.Citizens;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.ServiceLevels;
using Open311.Core.Staff;
using Open311.Core.Workflow;
using Open311.Core.WorkOrders;

namespace Open311.Api.Admin;

/// <summary>A request as staff see it, with the transitions the actor may take from where it is now.</summary>
public sealed class RequestDetails(Open311Db db, CatalogCache catalog, StaffLanguage language, CitizenLinks links, ServiceClock clocks, TimeProvider clock)
{
    /// <summary>
    /// Null when there is no such request, or the actor may not see it (another department's, for
    /// staff). The detail holds the citizen's contact data, so every time it is shown is audited.
    /// </summary>
    public async Task<StaffRequestDetail?> ForAsync(StaffActor actor, long id, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().VisibleTo(actor).Include(r => r.Service).Include(r => r.State)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var summary = StaffRequestSummary.Of(request, await language.ForAsync(actor, cancellationToken))
            .WithServiceLevel(await clocks.ReaderAsync(request.JurisdictionId, now, cancellationToken));
        var workflow = (await catalog.ForAsync(request.JurisdictionId, cancellationToken)).WorkflowFor(request.Service.WorkflowId);
        // Becoming a duplicate goes through duplicate-of, which names the original.
        var allowed = workflow.TransitionsFrom(request.StateId, actor.Role)
            .Where(t => t.To.Code != WorkflowState.DuplicateCode)
            .Select(t => new AllowedTransition(t.To.Code, t.RequiresPublicNote))
            .ToList();
        var possibleDuplicates = await db.DuplicateSuggestions.AsNoTracking()
            .Where(d => d.RequestId == id && d.Decision == null)
            .OrderBy(d => d.DistanceMetres).ThenBy(d => d.Id)
            .Join(db.Requests.VisibleTo(actor), d => d.CandidateId, r => r.Id,
                (d, r) => new PossibleDuplicateView(d.Id, r.Id, r.ProtocolNumber, d.DistanceMetres, r.State.Code, r.RequestedAt))
            .ToListAsync(cancellationToken);
        var followers = await db.RequestFollowers.CountAsync(f => f.RequestId == id, cancellationToken);
        var workOrders = await db.WorkOrders.AsNoTracking().Where(w => w.RequestId == id).Select(w => w.State).ToListAsync(cancellationToken);
        AuditTrail.RecordContactView(db, actor, id, now);
        await db.SaveChangesAsync(cancellationToken);
        return new StaffRequestDetail(summary, request.Contact, request.NotifySms, request.NotifyEmail, request.AddressId, request.Zipcode,
            request.StatusNotes, request.DuplicateOfId, request.Attributes, request.Version, allowed, links.Follow(request), possibleDuplicates, followers,
            WorkOrderProgress.Of(workOrders, request.Status));
    }
}
