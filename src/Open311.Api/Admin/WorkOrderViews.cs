using System.ComponentModel;
using Open311.Core.Requests;
using Open311.Core.WorkOrders;

namespace Open311.Api.Admin;

/// <summary>One department's part of a request, as staff see it (never in Open311 output).</summary>
public sealed record WorkOrderView(
    long Id,
    long RequestId,
    [property: Description("The request's protocol number.")] string ProtocolNumber,
    [property: Description("The request's Open311 status.")] RequestStatus RequestStatus,
    long DepartmentId,
    [property: Description("A staff account of the department, or null.")] long? AssigneeId,
    WorkOrderState State,
    [property: Description("The department's own notes: staff only.")] string? Notes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: Description("When it was done or cancelled; null while open or started.")] DateTimeOffset? FinishedAt,
    [property: Description("The department's target in working minutes when it was made; null for none.")] int? TargetMinutes,
    [property: Description("When the target is used up on the working calendar; null without a target.")] DateTimeOffset? DueAt,
    [property: Description("Unfinished and past its due time.")] bool Overdue,
    [property: Description("What a change must name (PUT /admin/work-orders/{id}); another's change in between gives 409.")] uint Version)
{
    public static WorkOrderView From(WorkOrderRow row, DateTimeOffset now) => new(row.WorkOrder.Id, row.WorkOrder.RequestId, row.ProtocolNumber,
        row.RequestStatus, row.WorkOrder.DepartmentId, row.WorkOrder.AssigneeId, row.WorkOrder.State, row.WorkOrder.Notes, row.WorkOrder.CreatedAt,
        row.WorkOrder.UpdatedAt, row.WorkOrder.FinishedAt, row.WorkOrder.TargetMinutes, row.WorkOrder.DueAt, row.WorkOrder.IsOverdue(now),
        row.WorkOrder.Version);
}

/// <summary>A request's work orders and how far they are.</summary>
public sealed record RequestWorkOrders(
    long RequestId,
    [property: Description("The request's version, for changes of the request itself.")] uint RequestVersion,
    WorkOrderProgress Progress,
    IReadOnlyList<WorkOrderView> Items);

/// <summary>One page of a department's (or the jurisdiction's) work orders, newest first.</summary>
public sealed record WorkOrderPage(List<WorkOrderView> Items, int Page, int PageSize, bool HasMore);
