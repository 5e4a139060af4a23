namespace Open311.Core.WorkOrders;

/// <summary>A jurisdiction's choice of what happens when a request's last work order is done (<c>jurisdictions.work_order_completion</c>).</summary>
public enum WorkOrderCompletion
{
    /// <summary>The request's detail says it can be closed; staff close it through its workflow.</summary>
    Offer,
    /// <summary>The request is closed at once, through its workflow, with a public note.</summary>
    Close,
}
