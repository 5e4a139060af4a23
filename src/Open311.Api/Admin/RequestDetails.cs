using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Api.Admin;

/// <summary>A request as staff see it, with the transitions the actor may take from where it is now.</summary>
public sealed class RequestDetails(Open311Db db, AutoMapper.IConfigurationProvider mapping, CatalogCache catalog)
{
    /// <summary>Null when there is no such request, or the actor may not see it (another department's, for staff).</summary>
    public async Task<StaffRequestDetail?> ForAsync(StaffActor actor, long id, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().Include(r => r.Service)
            .FirstOrDefaultAsync(r => r.Id == id && r.JurisdictionId == actor.JurisdictionId, cancellationToken);
        if (request is null || !actor.CanSeeDepartment(request.DepartmentId))
        {
            return null;
        }

        var summary = await db.Requests.AsNoTracking().Where(r => r.Id == id).ProjectTo<StaffRequestSummary>(mapping).SingleAsync(cancellationToken);
        var workflow = (await catalog.ForAsync(request.JurisdictionId, cancellationToken)).WorkflowFor(request.Service.WorkflowId);
        var allowed = workflow.Transitions
            .Where(t => t.FromStateId == request.StateId && t.AllowedRoles.Contains(actor.Role))
            .Select(t => new AllowedTransition(workflow.States.Single(s => s.Id == t.ToStateId).Code, t.RequiresPublicNote))
            .ToList();
        return new StaffRequestDetail(summary, request.Contact, request.NotifySms, request.NotifyEmail, request.AddressId, request.Zipcode,
            request.StatusNotes, request.DuplicateOfId, request.Attributes, request.Version, allowed);
    }
}
