using Open311.Core.Catalog;
using Open311.Core.Staff;

namespace Open311.Core.Workflow;

/// <summary>The states a category's requests move through, and the allowed moves between them.</summary>
public class RequestWorkflow
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    public required LocalizedText Name { get; set; }
    /// <summary>Used by categories that name no workflow; created with each jurisdiction.</summary>
    public bool IsDefault { get; set; }
    public List<WorkflowState> States { get; set; } = [];
    public List<WorkflowTransition> Transitions { get; set; } = [];

    public WorkflowState Initial => States.Single(s => s.IsInitial);

    public WorkflowState State(long id) => States.Single(s => s.Id == id);

    /// <summary>The moves a member of staff in this role may make from a state.</summary>
    public List<WorkflowTransition> TransitionsFrom(long stateId, StaffRole role) =>
        [.. Transitions.Where(t => t.FromStateId == stateId && t.AllowedRoles.Contains(role))];
}
