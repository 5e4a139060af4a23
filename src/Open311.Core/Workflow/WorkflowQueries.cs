using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Workflow;

public static class WorkflowQueries
{
    /// <summary>The workflow a category's requests follow: its own, or the jurisdiction's default.</summary>
    public static Task<RequestWorkflow> WorkflowForAsync(this Open311Db db, string jurisdictionId, long? workflowId, CancellationToken cancellationToken) =>
        db.Workflows
            .Include(w => w.States)
            .Include(w => w.Transitions)
            .AsSplitQuery()
            .SingleAsync(w => w.JurisdictionId == jurisdictionId && (workflowId == null ? w.IsDefault : w.Id == workflowId), cancellationToken);
}
