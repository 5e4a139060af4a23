using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Workflow;

public static class WorkflowQueries
{
    /// <summary>A jurisdiction's workflows with their states and transitions.</summary>
    public static IQueryable<RequestWorkflow> WorkflowsOf(this Open311Db db, string jurisdictionId) =>
        db.Workflows.AsNoTracking()
            .Where(w => w.JurisdictionId == jurisdictionId)
            .Include(w => w.States)
            .Include(w => w.Transitions).ThenInclude(t => t.From)
            .Include(w => w.Transitions).ThenInclude(t => t.To)
            .AsSplitQuery();
}
