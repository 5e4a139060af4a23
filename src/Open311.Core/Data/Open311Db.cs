using Microsoft.EntityFrameworkCore;
using Open311.Core.Calendar;
using Open311.Core.Catalog;
using Open311.Core.Citizens;
using Open311.Core.Clients;
using Open311.Core.Requests;
using Open311.Core.Routing;
using Open311.Core.ServiceLevels;
using Open311.Core.Staff;
using Open311.Core.Workflow;
using Open311.Core.Audit;
using Open311.Core.Outbox;
using Open311.Core.Notifications;
using Open311.Core.Webhooks;

namespace Open311.Core.Data;

/// <summary>The one DbContext, configured by <see cref="Open311Database"/>. The schema itself comes from the SQL files in Data/Migrations.</summary>
public class Open311Db : DbContext
{
    public Open311Db(DbContextOptions<Open311Db> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="Open311ReadDb"/>, whose options are of its own type.</summary>
    protected Open311Db(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<ServiceCategory> Services => Set<ServiceCategory>();
    public DbSet<ServiceAttribute> ServiceAttributes => Set<ServiceAttribute>();
    public DbSet<AttributeValue> AttributeValues => Set<AttributeValue>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<ServiceRequest> Requests => Set<ServiceRequest>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<RequestMedia> RequestMedia => Set<RequestMedia>();
    public DbSet<CitizenFollowUp> CitizenFollowUps => Set<CitizenFollowUp>();
    public DbSet<RequestFollower> RequestFollowers => Set<RequestFollower>();
    public DbSet<Duplicates.DuplicateSuggestion> DuplicateSuggestions => Set<Duplicates.DuplicateSuggestion>();
    public DbSet<ProtocolCounter> ProtocolCounters => Set<ProtocolCounter>();
    public DbSet<StaffAccount> StaffAccounts => Set<StaffAccount>();
    public DbSet<RequestWorkflow> Workflows => Set<RequestWorkflow>();
    public DbSet<WorkflowState> WorkflowStates => Set<WorkflowState>();
    public DbSet<WorkflowTransition> WorkflowTransitions => Set<WorkflowTransition>();
    public DbSet<DepartmentArea> DepartmentAreas => Set<DepartmentArea>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<OutboxAttempt> OutboxAttempts => Set<OutboxAttempt>();
    public DbSet<WeekdayHours> WorkingHours => Set<WeekdayHours>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<ServiceLevel> ServiceLevels => Set<ServiceLevel>();
    public DbSet<Escalation.EscalationRule> EscalationRules => Set<Escalation.EscalationRule>();
    public DbSet<WorkOrders.WorkOrder> WorkOrders => Set<WorkOrders.WorkOrder>();

    /// <summary>Set only while <see cref="AuditedSave.SaveAuditedAsync"/> saves: whom the audit trail records.</summary>
    internal AuditActor? AuditingAs { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Open311Db).Assembly);
        modelBuilder.HasDbFunction(typeof(PhoneNumbers).GetMethod(nameof(PhoneNumbers.Key))!).HasName("phone_key");
    }
}
