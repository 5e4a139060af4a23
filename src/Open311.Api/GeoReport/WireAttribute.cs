namespace Open311.Api.GeoReport;

/// <summary>How the OpenAPI document types a GeoReport parameter, which always arrives as text.</summary>
public enum WireType
{
    String,
    Number,
    Integer,
    DateTime,
    /// <summary>true or false, in any case (FixMyStreet sends TRUE and FALSE).</summary>
    Boolean,
    Binary,
}

/// <summary>
/// A GeoReport parameter: its wire name and meaning. On a property of a parameters record it is
/// what <see cref="WireBinding"/> binds and what the OpenAPI document lists. A description may
/// name a limit as <c>{MaxPageSize}</c>; the document fills in the configured value.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = true)]
public sealed class WireAttribute(string name, string description) : Attribute
{
    public string Name => name;

    public string Description => description;

    public WireType Type { get; init; } = WireType.String;

    public bool Required { get; init; }
}
