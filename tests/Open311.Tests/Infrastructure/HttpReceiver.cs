using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Open311.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for whatever the service calls out to. It keeps
/// every call it answers; <see cref="Answer"/> chooses the status, so a test can make it fail and recover.
/// </summary>
public sealed class HttpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();

    public HttpReceiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }

        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>The status to answer with; 200 unless a test says otherwise.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    /// <summary>Sent as the answer's Location header when set: a redirect the caller must not follow.</summary>
    public string? Location { get; set; }

    /// <summary>How many bytes of body each answer carries: a huge one shows whether the caller reads it all.</summary>
    public long BodyBytes { get; set; }

    /// <summary>Answers whose body the caller stopped reading before its end.</summary>
    public int UnfinishedBodies => _unfinishedBodies;

    /// <summary>A fixed body every answer carries instead (a map tile), with its Content-Type.</summary>
    public (string ContentType, byte[] Bytes)? Body { get; set; }

    /// <summary>How long each answer takes, to keep a worker busy mid-batch.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>Each call answered with a success, by its Idempotency-Key header.</summary>
    public ConcurrentQueue<string> Accepted { get; } = new();

    /// <summary>Each call answered with a success, whole: what a test checks the service sent.</summary>
    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    public int Refused => _refused;

    private int _refused;

    private int _unfinishedBodies;

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                await Task.Delay(Delay);
                var status = Answer;
                if ((int)status < 300)
                {
                    using var body = new StreamReader(context.Request.InputStream, context.Request.ContentEncoding);
                    var request = context.Request;
                    Calls.Enqueue(new ReceivedCall(request.HttpMethod, request.Url!.PathAndQuery, request.ContentType,
                        request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                        await body.ReadToEndAsync()));
                    Accepted.Enqueue(request.Headers["Idempotency-Key"] ?? "");
                }
                else
                {
                    Interlocked.Increment(ref _refused);
                }

                context.Response.StatusCode = (int)status;
                if (Location is { } location)
                {
                    context.Response.RedirectLocation = location;
                }

                if (await WriteBodyAsync(context.Response))
                {
                    context.Response.Close();
                }
                else
                {
                    context.Response.Abort();
                }
            });
        }
    }

    /// <summary>False when the caller hung up before the whole body was sent.</summary>
    private async Task<bool> WriteBodyAsync(HttpListenerResponse response)
    {
        if (Body is { } fixedBody)
        {
            response.ContentType = fixedBody.ContentType;
            await response.OutputStream.WriteAsync(fixedBody.Bytes);
            return true;
        }

        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        try
        {
            for (var sent = 0L; sent < BodyBytes; sent += chunk.Length)
            {
                await response.OutputStream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, BodyBytes - sent)));
            }

            return true;
        }
        catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException)
        {
            Interlocked.Increment(ref _unfinishedBodies);
            return false;
        }
    }

    public void Dispose() => _listener.Close();
}

/// <summary>One call as the receiver saw it.</summary>
public sealed record ReceivedCall(string Method, string PathAndQuery, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Body);
