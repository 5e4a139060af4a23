using System.Globalization;
using System.Text;
using System.Xml;
using Open311.Core;

namespace Open311.Api.GeoReport.Wire;

/// <summary>Open311 XML: UTF-8, a declaration, no namespaces; absent values are empty elements.</summary>
public sealed class XmlWireWriter : IWireWriter, IDisposable
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        // A carriage return is kept as &#xD;, or XML parsers would turn "\r\n" into "\n".
        NewLineHandling = NewLineHandling.Entitize,
    };

    private readonly XmlWriter _xml;

    public XmlWireWriter(Stream output) => _xml = XmlWriter.Create(output, Settings);

    public void StartList(string root) => StartDocument(root);

    public void StartObject(string root) => StartDocument(root);

    public void EndDocument()
    {
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
    }

    public void StartItem(string item) => _xml.WriteStartElement(item);

    public void EndItem() => _xml.WriteEndElement();

    public void StartNestedList(string name) => _xml.WriteStartElement(name);

    public void EndNestedList() => _xml.WriteEndElement();

    public void StartNestedObject(string name) => _xml.WriteStartElement(name);

    public void EndNestedObject() => _xml.WriteEndElement();

    public void String(string name, string? value) => _xml.WriteElementString(name, XmlSafe(value ?? ""));

    public void Number(string name, double? value) =>
        _xml.WriteElementString(name, value?.ToString("R", CultureInfo.InvariantCulture) ?? "");

    public void Integer(string name, long value) => _xml.WriteElementString(name, value.ToString(CultureInfo.InvariantCulture));

    public void Boolean(string name, bool value) => _xml.WriteElementString(name, value ? "true" : "false");

    public void ListValue(string item, string value) => _xml.WriteElementString(item, XmlSafe(value));

    public void Dispose() => _xml.Dispose();

    /// <summary>
    /// Intake refuses characters XML cannot carry, but an error message may quote what a client
    /// sent (a service code with U+0001, say): those become U+FFFD rather than a failed response.
    /// </summary>
    private static string XmlSafe(string text) =>
        PlainText.IsAllowed(text) ? text : string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD'));

    private void StartDocument(string root)
    {
        _xml.WriteStartDocument();
        _xml.WriteStartElement(root);
    }
}
