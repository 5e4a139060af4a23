using Open311.Core.Staff;

namespace Open311.Core.Audit;

/// <summary>Who a change is recorded against, and in which jurisdiction's trail.</summary>
public sealed record AuditActor(string Name, string JurisdictionId)
{
    /// <summary>Changes the service makes itself, such as loading demo data.</summary>
    public static AuditActor System(string jurisdictionId) => new("system", jurisdictionId);

    public static implicit operator AuditActor(StaffActor actor) => new(actor.Name, actor.JurisdictionId);
}
