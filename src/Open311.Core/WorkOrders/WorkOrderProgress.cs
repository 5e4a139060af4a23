using Open311.Core.Requests;

namespace Open311.Core.WorkOrders;

/// <summary>
/// How far a request's work orders are: <c>2 of 3 done</c>. Cancelled ones are left out of the count, so a
/// part that was not needed never holds the request open. Complete when there is at least one and all are done;
/// then an open request may be closed (<see cref="CloseOffered"/>), or is closed at once (<see cref="WorkOrderCompletion.Close"/>).
/// </summary>
public sealed record WorkOrderProgress(int Total, int Done, int Cancelled, bool Complete, bool CloseOffered)
{
    public static WorkOrderProgress Of(IReadOnlyCollection<WorkOrderState> states, RequestStatus requestStatus)
    {
        var cancelled = states.Count(s => s == WorkOrderState.Cancelled);
        var (total, done) = (states.Count - cancelled, states.Count(s => s == WorkOrderState.Done));
        var complete = total > 0 && done == total;
        return new(total, done, cancelled, complete, complete && requestStatus == RequestStatus.Open);
    }
}
