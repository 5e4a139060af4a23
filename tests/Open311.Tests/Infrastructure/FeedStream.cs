using System.Net;
using System.Text.Json;

namespace Open311.Tests.Infrastructure;

/// <summary>An open event stream, read line by line as a browser's EventSource would.</summary>
public sealed class FeedStream(HttpResponseMessage response, StreamReader reader) : IDisposable
{
    public static async Task<FeedStream> OpenAsync(AdminClient staff, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/events");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await staff.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new FeedStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    public List<string> Lines { get; } = [];

    /// <summary>The next line, or null when the server ended the stream.</summary>
    public async Task<string?> LineAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var line = await reader.ReadLineAsync(timeout.Token);
        if (line is not null)
        {
            Lines.Add(line);
        }

        return line;
    }

    /// <summary>The next event (comments skipped): its SSE id and its JSON.</summary>
    public async Task<(long Id, JsonElement Data)> EventAsync()
    {
        long? id = null;
        while (await LineAsync() is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return (id ?? throw new InvalidOperationException("data without id"), JsonDocument.Parse(line[6..]).RootElement.Clone());
            }
        }

        throw new InvalidOperationException("the stream ended");
    }

    /// <summary>Events until one about <paramref name="requestId"/> of this kind arrives; all of them, that one last.</summary>
    public async Task<List<JsonElement>> UntilAsync(long requestId, string kind = "submitted")
    {
        var seen = new List<JsonElement>();
        while (true)
        {
            var (_, data) = await EventAsync();
            seen.Add(data);
            if (data.GetProperty("request_id").GetInt64() == requestId && data.GetProperty("kind").GetString() == kind)
            {
                return seen;
            }
        }
    }

    public void Dispose()
    {
        reader.Dispose();
        response.Dispose();
    }
}
