using Open311.Core.Catalog;
using Open311.Core.Requests;
using Open311.Core.ServiceLevels;
using Open311.Core.Staff;
using Open311.Core.Workflow;

namespace Open311.Api.Hosting;

/// <summary>
/// The demo municipality's promises, in working minutes of its 08:00–14:30 day (390 minutes): an
/// answer within a working day for most categories, sooner for what can hurt someone, and repairs
/// within days (bulky items within the 5 working days the category's notice promises). Urgent
/// roads, lighting and dangerous trees get a tighter line. Plus a waiting state for contractors.
/// </summary>
public static class DemoServiceLevels
{
    private const int Day = 390;
    public const string WaitingCode = "waiting_contractor";

    private static readonly Dictionary<string, (int Response, int Resolution)> ByCategory = new()
    {
        ["001"] = (Day, 3 * Day), ["002"] = (Day, 10 * Day), ["003"] = (Day, 10 * Day), ["004"] = (Day, 5 * Day),
        ["005"] = (Day, 5 * Day), ["006"] = (Day, 3 * Day), ["007"] = (2 * Day, 20 * Day), ["008"] = (2 * Day, 20 * Day),
        ["009"] = (Day, 10 * Day), ["010"] = (2 * Day, 20 * Day), ["011"] = (2 * Day, 20 * Day), ["012"] = (Day, 3 * Day),
        ["013"] = (120, 2 * Day), ["014"] = (Day, 5 * Day),
    };

    private static readonly Dictionary<string, (int Response, int Resolution)> Urgent = new()
    {
        ["005"] = (60, Day), ["006"] = (120, Day), ["013"] = (60, Day),
    };

    /// <summary>The targets a demo request of <paramref name="service"/> at normal priority gets.</summary>
    public static Targets For(ServiceCategory service) =>
        ByCategory.TryGetValue(service.Code, out var t) ? new Targets(t.Response, t.Resolution) : Targets.None;

    public static IEnumerable<ServiceLevel> Levels(IEnumerable<ServiceCategory> services) =>
        services.SelectMany(service => new[] { (service, Priority: (RequestPriority?)null, Table: ByCategory), (service, RequestPriority.Urgent, Urgent) })
            .Where(x => x.Table.ContainsKey(x.service.Code))
            .Select(x => new ServiceLevel
            {
                JurisdictionId = x.service.JurisdictionId,
                ServiceId = x.service.Id,
                Priority = x.Priority,
                ResponseMinutes = x.Table[x.service.Code].Response,
                ResolutionMinutes = x.Table[x.service.Code].Resolution,
            });

    /// <summary>"Waiting for a contractor" in the default workflow, between in progress and resolved; the clock stands still there.</summary>
    public static void AddWaitingState(RequestWorkflow workflow)
    {
        var (inProgress, resolved) = (workflow.States.Single(s => s.Code == "in_progress"), workflow.States.Single(s => s.Code == "resolved"));
        var waiting = new WorkflowState
        {
            Code = WaitingCode,
            Label = LocalizedText.Of(("el", "Αναμονή εργολάβου"), ("en", "Waiting for a contractor")),
            Status = RequestStatus.Open,
            PausesClock = true,
            SortOrder = inProgress.SortOrder,
        };
        workflow.States.Add(waiting);
        List<StaffRole> handlers = [StaffRole.Admin, StaffRole.Dispatcher, StaffRole.Staff];
        workflow.Transitions.AddRange(
        [
            new WorkflowTransition { From = inProgress, To = waiting, AllowedRoles = handlers },
            new WorkflowTransition { From = waiting, To = inProgress, AllowedRoles = handlers },
            new WorkflowTransition { From = waiting, To = resolved, AllowedRoles = handlers, RequiresPublicNote = true },
        ]);
    }
}
