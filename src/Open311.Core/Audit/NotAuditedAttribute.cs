namespace Open311.Core.Audit;

/// <summary>A secret (a password or key hash) the audit trail must not copy; it records only that it changed.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
