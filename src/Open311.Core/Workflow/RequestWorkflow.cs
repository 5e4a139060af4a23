using Open311.Core.Catalog;

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
}
