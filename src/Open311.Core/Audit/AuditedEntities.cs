using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Open311.Core.Calendar;
using Open311.Core.Catalog;
using Open311.Core.Clients;
using Open311.Core.Notifications;
using Open311.Core.Outbox;
using Open311.Core.Routing;
using Open311.Core.ServiceLevels;
using Open311.Core.Staff;
using Open311.Core.Webhooks;
using Open311.Core.Workflow;

namespace Open311.Core.Audit;

/// <summary>Which tracked changes the audit trail records, under which name. Requests are not here: their history is their trail.</summary>
internal static class AuditedEntities
{
    /// <summary>The entity name for an added, changed or deleted row that must be audited; null for everything else.</summary>
    public static string? NameOf(EntityEntry entry) => NameOf(entry.Entity, entry.State);

    /// <summary>
    /// Whether the entry may turn out to be a change to audit once changes are detected: an unchanged one may have been
    /// edited since it was read. A submission's new outbox messages may not, so it skips the detection (<see cref="AuditGuard"/>).
    /// </summary>
    public static bool MayNeedAudit(EntityEntry entry) =>
        NameOf(entry.Entity, entry.State == EntityState.Unchanged ? EntityState.Modified : entry.State) is not null;

    private static string? NameOf(object entity, EntityState state) => state is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
        ? null
        : entity switch
        {
            Jurisdiction => AuditEntity.Jurisdiction,
            Department => AuditEntity.Department,
            ServiceCategory => AuditEntity.Service,
            ServiceAttribute => AuditEntity.ServiceAttribute,
            AttributeValue => AuditEntity.AttributeValue,
            RequestWorkflow => AuditEntity.Workflow,
            WorkflowState => AuditEntity.WorkflowState,
            WorkflowTransition => AuditEntity.WorkflowTransition,
            DepartmentArea => AuditEntity.Area,
            RoutingRule => AuditEntity.RoutingRule,
            StaffAccount => AuditEntity.Staff,
            ApiClient => AuditEntity.Client,
            WeekdayHours => AuditEntity.WorkingHours,
            CalendarDay => AuditEntity.CalendarDay,
            MessageTemplate => AuditEntity.MessageTemplate,
            WebhookSubscription => AuditEntity.Webhook,
            ServiceLevel => AuditEntity.ServiceLevel,
            Escalation.EscalationRule => AuditEntity.EscalationRule,
            // Messages are added with each request change and delivered by the worker in SQL; what staff do to them is audited.
            OutboxMessage when state == EntityState.Modified => AuditEntity.Delivery,
            _ => null,
        };
}
