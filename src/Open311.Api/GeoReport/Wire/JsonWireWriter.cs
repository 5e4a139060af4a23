using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Open311.Api.GeoReport.Wire;

/// <summary>Open311 JSON: the XML root dropped, repeated children as arrays, absent values as null.</summary>
public sealed class JsonWireWriter : IWireWriter, IDisposable
{
    // Greek text and offsets like "+02:00" are written as they are, not as \u escapes; the
    // HTML-safety escaping of the default encoder is for JSON embedded in pages, which this is not.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Utf8JsonWriter _json;

    public JsonWireWriter(Stream output) => _json = new(output, Options);

    /// <summary>Writes into a buffer writer such as the response's pipe, with no copy of the document.</summary>
    public JsonWireWriter(IBufferWriter<byte> output) => _json = new(output, Options);

    private bool _rootIsList;

    public void StartList(string root)
    {
        _rootIsList = true;
        _json.WriteStartArray();
    }

    public void StartObject(string root) => _json.WriteStartObject();

    public void EndDocument()
    {
        if (_rootIsList)
        {
            _json.WriteEndArray();
        }
        else
        {
            _json.WriteEndObject();
        }

        _json.Flush();
    }

    public void StartItem(string item) => _json.WriteStartObject();

    public void EndItem() => _json.WriteEndObject();

    public void StartNestedList(string name) => _json.WriteStartArray(name);

    public void EndNestedList() => _json.WriteEndArray();

    public void StartNestedObject(string name) => _json.WriteStartObject(name);

    public void EndNestedObject() => _json.WriteEndObject();

    public void String(string name, string? value) => _json.WriteString(name, value);

    public void Number(string name, double? value)
    {
        if (value is { } number)
        {
            _json.WriteNumber(name, number);
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    public void Integer(string name, long value) => _json.WriteNumber(name, value);

    public void Boolean(string name, bool value) => _json.WriteBoolean(name, value);

    public void ListValue(string item, string value) => _json.WriteStringValue(value);

    public void Dispose() => _json.Dispose();
}
