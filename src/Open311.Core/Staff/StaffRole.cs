namespace Open311.Core.Staff;

/// <summary>What a member of staff may do, within their jurisdiction.</summary>
public enum StaffRole
{
    /// <summary>Everything in the jurisdiction: catalogue, workflows, accounts, client apps, audit.</summary>
    Admin,
    /// <summary>The call centre: takes requests by phone or at the counter, triages and reroutes any department's requests.</summary>
    Dispatcher,
    /// <summary>Handles their own department's requests, and only those.</summary>
    Staff,
    /// <summary>Reads requests and statistics; changes nothing.</summary>
    Viewer,
}
