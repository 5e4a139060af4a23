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
    public static string? NameOf(EntityEntry entry) => entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
        ? null
        : entry.Entity switch
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
            // Messages are added with each request change and delivered by the worker in SQL; what staff do to them is audited.
            OutboxMessage when entry.State == EntityState.Modified => AuditEntity.Delivery,
            _ => null,
        };
}
