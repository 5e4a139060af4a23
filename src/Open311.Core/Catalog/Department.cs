using Open311.Core.StaffAlerts;

namespace Open311.Core.Catalog;

/// <summary>A unit of the municipality's organisation chart that handles requests.</summary>
public class Department
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    public required LocalizedText Name { get; set; }
    public string? Email { get; set; }
    public long? ParentId { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>Which <see cref="StaffAlertKinds.ForDepartments"/> reach <see cref="Email"/>: all of them unless turned off.</summary>
    public List<string> Alerts { get; set; } = [.. StaffAlertKinds.ForDepartments];
    /// <summary>The staff account escalation rules that alert the head reach (<see cref="Escalation.EscalationRule.AlertHead"/>).</summary>
    public long? HeadId { get; set; }
    /// <summary>Working minutes the department promises for one of its work orders; copied onto each when it is made. Null: no target.</summary>
    public int? WorkOrderTargetMinutes { get; set; }
}
