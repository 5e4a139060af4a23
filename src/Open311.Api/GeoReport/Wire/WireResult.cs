namespace Open311.Api.GeoReport.Wire;

/// <summary>An Open311 response: a document written in the format the client asked for.</summary>
public sealed class WireResult(WireFormat format, Action<IWireWriter> write, int statusCode = StatusCodes.Status200OK) : IResult
{
    public int StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (format == WireFormat.Json)
        {
            // Straight into the response's pipe, in pooled blocks: a 1,000-row list is never one large buffer (the large-object
            // heap) copied once more into the response. The answer is chunked; a failure half-way aborts it, as with any stream.
            var response = httpContext.Response;
            response.StatusCode = statusCode;
            response.ContentType = format.ContentType();
            using (var writer = new JsonWireWriter(response.BodyWriter))
            {
                write(writer);
            }

            await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
            return;
        }

        using var buffer = Render(format, write);
        await Send(httpContext, format, statusCode, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>
    /// The document's bytes, for XML answers and answers kept for reuse. Buffered: XmlWriter writes synchronously, which
    /// Kestrel does not allow on the response body.
    /// </summary>
    public static MemoryStream Render(WireFormat format, Action<IWireWriter> write)
    {
        var buffer = new MemoryStream();
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

        return buffer;
    }

    /// <summary>Writes a rendered document as the answer.</summary>
    public static Task Send(HttpContext httpContext, WireFormat format, int statusCode, ReadOnlyMemory<byte> body)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = format.ContentType();
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
