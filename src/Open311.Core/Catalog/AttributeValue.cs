namespace Open311.Core.Catalog;

/// <summary>One allowed answer of a list attribute.</summary>
public class AttributeValue
{
    public long Id { get; set; }
    public long AttributeId { get; set; }
    public required string Key { get; set; }
    public required LocalizedText Name { get; set; }
    public int SortOrder { get; set; }
}
