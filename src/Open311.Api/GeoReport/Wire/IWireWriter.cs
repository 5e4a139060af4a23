namespace Open311.Api.GeoReport.Wire;

/// <summary>
/// Writes one Open311 document in XML or JSON from the same calls, following the wiki's
/// XML→JSON convention: the XML root is dropped in JSON, and a container of repeated
/// children is always a JSON array, even with one element.
/// </summary>
public interface IWireWriter
{
    /// <summary>A document whose root holds repeated items: a JSON array.</summary>
    void StartList(string root);

    /// <summary>A document whose root is one object: a JSON object.</summary>
    void StartObject(string root);

    void EndDocument();

    /// <summary>One element of the enclosing list.</summary>
    void StartItem(string item);

    void EndItem();

    /// <summary>A nested container of repeated children: <c>&lt;name&gt;&lt;item/&gt;…&lt;/name&gt;</c> or <c>"name":[…]</c>.</summary>
    void StartNestedList(string name);

    void EndNestedList();

    /// <summary>A nested object: <c>&lt;name&gt;…&lt;/name&gt;</c> or <c>"name":{…}</c>.</summary>
    void StartNestedObject(string name);

    void EndNestedObject();

    void String(string name, string? value);

    void Number(string name, double? value);

    void Integer(string name, long value);

    void Boolean(string name, bool value);

    /// <summary>A bare value inside a nested list (<c>&lt;format&gt;text/xml&lt;/format&gt;</c> or <c>"text/xml"</c>).</summary>
    void ListValue(string item, string value);
}
