using Open311.Core.Audit;
using Open311.Core.StaffAlerts;

namespace Open311.Core.Staff;

/// <summary>A member of the municipality's staff who signs in to the admin API.</summary>
public class StaffAccount
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    public required string Username { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    /// <summary>ASP.NET's PasswordHasher format; null for accounts that sign in through the municipality's identity provider.</summary>
    [NotAudited]
    public string? PasswordHash { get; set; }
    /// <summary>Raised by every password change; built-in login tokens carry it, so a change ends the tokens issued before it.</summary>
    public int CredentialsVersion { get; set; }
    public StaffRole Role { get; set; }
    /// <summary>Required for <see cref="StaffRole.Staff"/>: the only department whose requests they see.</summary>
    public long? DepartmentId { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>Which <see cref="StaffAlertKinds.ForAccounts"/> reach <see cref="Email"/>: all of them unless turned off.</summary>
    public List<string> Alerts { get; set; } = [.. StaffAlertKinds.ForAccounts];
    /// <summary>The language their alerts are written in; null for the jurisdiction's default.</summary>
    public string? Language { get; set; }
    /// <summary>Alerted of every escalation it may see (see <see cref="Escalation.EscalationRule.AlertSupervisors"/>).</summary>
    public bool Supervisor { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
