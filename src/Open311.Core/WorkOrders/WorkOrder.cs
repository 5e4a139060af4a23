namespace Open311.Core.WorkOrders;

/// <summary>
/// One department's part of a request, with its own assignee, state and notes. Made and changed only
/// through <see cref="Requests.ServiceRequest"/>'s work-order methods, which <see cref="Requests.RequestLifecycle"/>
/// calls, so each change is a history event of the request like any other.
/// </summary>
public class WorkOrder
{
    /// <summary>For EF Core.</summary>
    private WorkOrder()
    {
    }

    internal WorkOrder(string jurisdictionId, long departmentId, long? assigneeId, string? notes, int? targetMinutes, DateTimeOffset? dueAt,
        DateTimeOffset now)
    {
        (JurisdictionId, DepartmentId, AssigneeId, Notes, TargetMinutes, DueAt, CreatedAt, UpdatedAt) =
            (jurisdictionId, departmentId, assigneeId, notes, targetMinutes, dueAt, now, now);
    }

    public long Id { get; private set; }
    public string JurisdictionId { get; private set; } = "";
    public long RequestId { get; private set; }
    public long DepartmentId { get; private set; }
    public long? AssigneeId { get; private set; }
    public WorkOrderState State { get; private set; } = WorkOrderState.Open;
    /// <summary>The department's own notes: staff only, never public.</summary>
    public string? Notes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>When it was last done or cancelled; null while open or started.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }
    /// <summary>The department's target in working minutes when the work order was made (<c>departments.work_order_target_minutes</c>).</summary>
    public int? TargetMinutes { get; private set; }
    /// <summary>When the target is used up on the working calendar, from its making; null without a target.</summary>
    public DateTimeOffset? DueAt { get; private set; }
    /// <summary>PostgreSQL's row version (xmin): two people changing one work order cannot overwrite each other.</summary>
    public uint Version { get; private set; }

    /// <summary>Unfinished and past its due time.</summary>
    public bool IsOverdue(DateTimeOffset now) => !State.IsFinished() && DueAt < now;

    /// <summary>The fields that changed, before and after, for the request's history event; nothing changes when they are the same.</summary>
    internal List<(string Field, object? Before, object? After)> Change(WorkOrderState state, long? assigneeId, string? notes, DateTimeOffset now)
    {
        List<(string, object?, object?)> changes = [];
        if (state != State)
        {
            changes.Add(("state", State.ToOpen311(), state.ToOpen311()));
            FinishedAt = state.IsFinished() ? now : null;
            State = state;
        }

        if (assigneeId != AssigneeId)
        {
            changes.Add(("assignee_id", AssigneeId, assigneeId));
            AssigneeId = assigneeId;
        }

        if (notes != Notes)
        {
            // The notes are the department's own; the history says they changed, the work order holds them.
            changes.Add(("notes", Notes is null ? null : "(changed)", notes is null ? null : "(changed)"));
            Notes = notes;
        }

        if (changes.Count > 0)
        {
            UpdatedAt = now;
        }

        return changes;
    }
}
