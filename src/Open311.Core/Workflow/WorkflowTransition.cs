using Open311.Core.Staff;

namespace Open311.Core.Workflow;

/// <summary>An allowed move from one state to another, and who may make it.</summary>
public class WorkflowTransition
{
    public long Id { get; set; }
    public long WorkflowId { get; set; }
    public long FromStateId { get; set; }
    public long ToStateId { get; set; }
    public WorkflowState From { get; set; } = null!;
    public WorkflowState To { get; set; } = null!;
    public List<StaffRole> AllowedRoles { get; set; } = [];
    /// <summary>The citizen must be told why (e.g. on rejection or resolution).</summary>
    public bool RequiresPublicNote { get; set; }
}
