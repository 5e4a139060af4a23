using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Open311.Core.Webhooks;

/// <summary>
/// The one way the service calls a webhook: only to addresses <see cref="WebhookDestinations"/> allows,
/// checked for the address each connection actually goes to (so a name that resolved to a public
/// address when the subscription was saved cannot be rebound to an internal one later), no
/// proxy, no redirects, no cookies, no decompression, a short timeout, and only the start of the answer read.
/// </summary>
public sealed class SafeWebhookClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly WebhookDestinations _destinations;
    private readonly WebhookOptions _options;

    public SafeWebhookClient(WebhookDestinations destinations, IOptions<WebhookOptions> options)
    {
        (_destinations, _options) = (destinations, options.Value);
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            ConnectTimeout = _options.Timeout,
            // A redirect would lead to an address nobody checked when the subscription was saved; a 3xx is a failed attempt.
            AllowAutoRedirect = false,
            // A proxy would make the connection, to an address this class never sees.
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxResponseHeadersLength = 16,
            // An answer left unread is not drained for the connection's reuse: the connection is dropped instead.
            MaxResponseDrainSize = 0,
            // Connections are re-made now and then, so a changed DNS answer is seen (and checked).
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        })
        {
            // The whole call, body included, is bounded below; HttpClient's own timeout would stop at the headers.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Open311-Webhooks/1.0");
    }

    /// <summary>POSTs a JSON body; answers the receiver's status on success, throws on anything else (refused address, timeout, non-2xx).</summary>
    public async Task<int> PostAsync(string url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return status;
            }

            var redirect = status is >= 300 and < 400 ? " (redirects are not followed)" : "";
            throw new WebhookCallException($"HTTP {status} {response.ReasonPhrase}{redirect}: {await StartOfAsync(response, timeout.Token)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WebhookCallException($"no answer within {_options.Timeout}");
        }
        catch (HttpRequestException exception)
        {
            // The handler wraps what the connect step refused; the admin should read why, not "an error occurred".
            throw new WebhookCallException(exception.InnerException is WebhookCallException refused ? refused.Message : exception.Message);
        }
    }

    /// <summary>At most <see cref="WebhookOptions.MaxResponseBytes"/> of the answer; the rest is never read, so a huge or endless body costs nothing.</summary>
    private async Task<string> StartOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[_options.MaxResponseBytes];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var count and > 0)
        {
            read += count;
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await _destinations.UsableAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new WebhookCallException($"{host} resolves only to internal addresses, which webhooks may not call");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A webhook call that failed: the outbox counts it as a failed attempt and keeps the message for the administrator.</summary>
public sealed class WebhookCallException(string message) : Exception(message);
