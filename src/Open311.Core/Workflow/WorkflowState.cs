using Open311.Core.Catalog;
using Open311.Core.Requests;

namespace Open311.Core.Workflow;

/// <summary>A named step of a workflow, shown outside as Open311 <c>open</c> or <c>closed</c>.</summary>
public class WorkflowState
{
    public const string DuplicateCode = "duplicate";

    public long Id { get; set; }
    public long WorkflowId { get; set; }
    public required string Code { get; set; }
    public required LocalizedText Label { get; set; }
    public RequestStatus Status { get; set; }
    public bool IsInitial { get; set; }
    public int SortOrder { get; set; }
    /// <summary>A waiting state (for the citizen, for a contractor): the resolution clock stands still in it. Open states only.</summary>
    public bool PausesClock { get; set; }
}
