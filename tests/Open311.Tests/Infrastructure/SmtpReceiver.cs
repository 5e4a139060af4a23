using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Open311.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 (SmtpServer, in-process) that keeps every message it accepts,
/// parsed by MimeKit as any mail client would. <see cref="StopAsync"/> and <see cref="Start"/>
/// take it away and bring it back on the same port, as a mail server that goes down would.
/// </summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private CancellationTokenSource? _running;
    private Task _serving = Task.CompletedTask;

    public SmtpReceiver()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public int Port { get; }

    /// <summary>Every message accepted, in order.</summary>
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>The settings that point the service at this server.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Email:Transport", "smtp"),
        new("Email:Host", "127.0.0.1"),
        new("Email:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Email:Security", "None"),
        new("Email:From", "noreply@heraklion.test"),
        new("Email:FromName", "Δήμος Ηρακλείου"),
        new("Email:Timeout", "00:00:15"),
    ];

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new CancellationTokenSource();
        _serving = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
    }

    public async Task StopAsync()
    {
        if (_running is { } running)
        {
            await running.CancelAsync();
            try
            {
                await _serving;
            }
            catch (OperationCanceledException)
            {
            }

            running.Dispose();
            _running = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private sealed class Store(SmtpReceiver owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            owner.Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
