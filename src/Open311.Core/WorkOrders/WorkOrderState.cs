namespace Open311.Core.WorkOrders;

/// <summary>
/// Where a department's part of a request stands. A small fixed set rather than a workflow: the
/// request keeps its category's workflow (and its public status), and every department's part moves
/// the same way whatever the category, so a department handles all its work orders alike.
/// </summary>
public enum WorkOrderState
{
    Open,
    /// <summary>Someone is on it.</summary>
    Started,
    Done,
    /// <summary>Not needed after all: left out of the progress, so it never holds the request open.</summary>
    Cancelled,
}

public static class WorkOrderStates
{
    /// <summary>Done or cancelled: nothing more to do on it (its <see cref="WorkOrder.FinishedAt"/> is set).</summary>
    public static bool IsFinished(this WorkOrderState state) => state is WorkOrderState.Done or WorkOrderState.Cancelled;
}
