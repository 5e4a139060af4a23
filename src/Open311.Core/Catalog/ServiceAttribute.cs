namespace Open311.Core.Catalog;

/// <summary>One question of a service definition (GeoReport v2 <c>attribute</c>).</summary>
public class ServiceAttribute
{
    public long Id { get; set; }
    public long ServiceId { get; set; }
    public required string Code { get; set; }
    /// <summary>False for informational attributes that take no input.</summary>
    public bool Variable { get; set; } = true;
    public AttributeDatatype Datatype { get; set; }
    public bool Required { get; set; }
    public LocalizedText DatatypeDescription { get; set; } = LocalizedText.Empty;
    /// <summary>Position in the form: a unique positive integer within the service.</summary>
    public int Order { get; set; }
    public required LocalizedText Description { get; set; }
    public List<AttributeValue> Values { get; set; } = [];
}
