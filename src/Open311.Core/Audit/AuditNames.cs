namespace Open311.Core.Audit;

/// <summary>What the audit trail calls the things it records (<see cref="AuditEvent.Entity"/>).</summary>
public static class AuditEntity
{
    public const string Jurisdiction = "jurisdiction";
    public const string Department = "department";
    public const string Service = "service";
    public const string ServiceAttribute = "service_attribute";
    public const string AttributeValue = "attribute_value";
    public const string Workflow = "workflow";
    public const string WorkflowState = "workflow_state";
    public const string WorkflowTransition = "workflow_transition";
    public const string Area = "area";
    public const string WorkingHours = "working_hours";
    public const string CalendarDay = "calendar_day";
    public const string RoutingRule = "routing_rule";
    public const string Staff = "staff";
    public const string Client = "client";
    public const string Webhook = "webhook";
    public const string ServiceLevel = "service_level";
    public const string Delivery = "delivery";
    public const string MessageTemplate = "message_template";
    public const string EscalationRule = "escalation_rule";
    public const string Request = "request";
    /// <summary>A file of requests (entity id: its format, <c>csv</c> or <c>geojson</c>).</summary>
    public const string RequestExport = "request_export";
}

/// <summary>What happened to it (<see cref="AuditEvent.Action"/>).</summary>
public static class AuditAction
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    /// <summary>A member of staff saw a citizen's name, e-mail or phone.</summary>
    public const string ViewedContact = "viewed_contact";
    /// <summary>A member of staff exported requests with citizens' contact data (the filter and the row count are recorded, not the data).</summary>
    public const string ExportedContact = "exported_contact";
    /// <summary>An administrator erased a data subject's contact data from the request (anonymised at once).</summary>
    public const string ErasedContact = "erased_contact";
}
