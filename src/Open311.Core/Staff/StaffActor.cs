namespace Open311.Core.Staff;

/// <summary>The signed-in member of staff a change is made by: what they may touch, and how history names them.</summary>
public sealed record StaffActor(long Id, string JurisdictionId, StaffRole Role, long? DepartmentId)
{
    public string Name => $"staff:{Id}";

    public bool CanChangeRequests => Role is not StaffRole.Viewer;

    /// <summary>
    /// Exports carry citizens' contact data only for those who handle requests and so call people
    /// back; a viewer (management, reading figures) gets the same rows without it. One look at a
    /// request's detail is a different matter: it is one citizen, and audited the same way.
    /// </summary>
    public bool MayExportContact => CanChangeRequests;

    /// <summary>Sending a request to another department is the call centre's and the administrators' decision.</summary>
    public bool CanReroute => Role is StaffRole.Admin or StaffRole.Dispatcher;
}
