namespace Open311.Core.Catalog;

/// <summary>The GeoReport v2 attribute datatypes.</summary>
public enum AttributeDatatype
{
    String,
    Number,
    Datetime,
    Text,
    SingleValueList,
    MultiValueList,
}
