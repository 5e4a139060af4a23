using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Open311.Core.Outbox;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Outbox;

/// <summary>
/// The service with a relay consumer (and no other) pointed at a real <see cref="HttpReceiver"/>, and a worker
/// tuned for tests: it polls often and retries within a second.
/// </summary>
public class OutboxApp : Open311App
{
    private readonly bool _delivers;

    /// <summary>A new database and receiver; <paramref name="delivers"/> false runs no worker in this instance.</summary>
    public OutboxApp(bool delivers = true) => (Receiver, _delivers) = (new HttpReceiver(), delivers);

    /// <summary>Another instance on <paramref name="first"/>'s database and receiver, always delivering.</summary>
    protected OutboxApp(OutboxApp first)
        : base(first) => (Receiver, _delivers) = (first.Receiver, true);

    public HttpReceiver Receiver { get; }

    /// <summary>A worker that polls often and retries within a second, for any test app that waits for deliveries.</summary>
    public static IEnumerable<KeyValuePair<string, string>> FastWorker(bool delivers = true) =>
    [
        new("Outbox:PollInterval", "00:00:00.05"),
        new("Outbox:RetryDelay", "00:00:00.2"),
        new("Outbox:MaxRetryDelay", "00:00:00.5"),
        new("Outbox:MaxAttempts", "4"),
        new("Outbox:BatchSize", "5"),
        new("Outbox:DeliveryTimeout", "00:00:15"),
        new("Outbox:Deliver", delivers ? "true" : "false"),
    ];

    protected override IEnumerable<KeyValuePair<string, string>> Settings => FastWorker(_delivers);

    /// <summary>Another instance of the service on this one's database, delivering to the same receiver; already running.</summary>
    public Task<OutboxApp> StartSecondInstanceAsync() => StartSharingAsync(new OutboxApp(this));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The relay alone: the mechanism's tests count messages, which the product's consumers would add to.
        builder.ConfigureServices(services => services.RemoveAll<IOutboxConsumer>()
            .AddSingleton<IOutboxConsumer>(new RelayConsumer(new HttpClient(), new Uri(Receiver.Url))));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (SharesDatabaseWith is null)
        {
            Receiver.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
