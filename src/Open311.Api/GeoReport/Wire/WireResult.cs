namespace Open311.Api.GeoReport.Wire;

/// <summary>An Open311 response: a document written in the format the client asked for.</summary>
public sealed class WireResult(WireFormat format, Action<IWireWriter> write, int statusCode = StatusCodes.Status200OK) : IResult
{
    public int StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        // Buffered: XmlWriter writes synchronously, which Kestrel does not allow on the response body.
        using var buffer = new MemoryStream();
        if (format == WireFormat.Xml)
        {
            using var writer = new XmlWireWriter(buffer);
            write(writer);
        }
        else
        {
            using var writer = new JsonWireWriter(buffer);
            write(writer);
        }

        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = format.ContentType();
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), httpContext.RequestAborted);
    }
}
