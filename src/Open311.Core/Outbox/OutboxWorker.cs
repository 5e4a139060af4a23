using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Open311.Core.Data;

namespace Open311.Core.Outbox;

/// <summary>
/// Delivers outbox messages, at least once, on every instance of the service at the same time:
/// claims a batch, hands each message to its consumer with a timeout, records the attempt, and
/// backs off after failures. A message whose consumer keeps failing ends up
/// <see cref="DeliveryStatus.Failed"/>, visible to administrators; it never holds up the others.
/// </summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;

    private DateTimeOffset _backlogCountedAt = DateTimeOffset.MinValue;

    /// <summary>Names this worker in each attempt it records.</summary>
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Deliver)
        {
            return;
        }

        if (_options.DeliveryTimeout >= _options.ClaimDuration)
        {
            throw new InvalidOperationException($"{OutboxOptions.Section}:DeliveryTimeout must be shorter than ClaimDuration, or a slow delivery could be claimed twice.");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var delivered = 0;
            try
            {
                delivered = await RunBatchAsync(stoppingToken);
                await CountBacklogAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // Most likely the database is away. Nothing is lost: the messages wait in it, and
                // an exception must not end the worker (nor, through it, the whole service).
                logger.LogError(exception, "Outbox worker failed to run a batch; retrying");
            }

            if (delivered < _options.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Every <see cref="OutboxOptions.BacklogInterval"/>, the due messages counted for the backlog gauge, so a scrape never queries.</summary>
    private async Task CountBacklogAsync(CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        if (now - _backlogCountedAt < _options.BacklogInterval)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        OutboxTelemetry.Backlog(await OutboxStore.CountDueAsync(scope.ServiceProvider.GetRequiredService<Open311Db>(), now, stoppingToken));
        _backlogCountedAt = now;
    }

    /// <summary>One claimed batch, delivered in order; how many messages it held.</summary>
    private async Task<int> RunBatchAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Open311Db>();
        var claim = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var batch = await OutboxStore.ClaimAsync(db, claim, _options.BatchSize, now, now + _options.ClaimDuration, stoppingToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            var ids = batch.Select(m => m.RequestEventId).ToList();
            var events = await db.RequestEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, stoppingToken);
            foreach (var message in batch)
            {
                stoppingToken.ThrowIfCancellationRequested();
                await DeliverAsync(db, claim, message, new OutboxDelivery(message.Id, message.IdempotencyKey, message.Attempts + 1,
                    message.JurisdictionId, message.Recipient, events[message.RequestEventId]), stoppingToken);
            }
        }
        finally
        {
            if (stoppingToken.IsCancellationRequested)
            {
                // Stopping mid-batch: what is left goes back now rather than when the claim lapses.
                await OutboxStore.ReleaseAsync(db, claim, clock.GetUtcNow(), CancellationToken.None);
            }
        }

        return batch.Count;
    }

    private async Task DeliverAsync(Open311Db db, Guid claim, OutboxMessage message, OutboxDelivery delivery, CancellationToken stoppingToken)
    {
        using var activity = OutboxTelemetry.StartDelivery(message, delivery.Attempt);
        var startedAt = clock.GetUtcNow();
        string? error = null;
        DeliveryResult? result = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var consumer = scope.ServiceProvider.GetServices<IOutboxConsumer>().FirstOrDefault(c => c.Name == message.Consumer)
                ?? throw new InvalidOperationException($"no consumer named '{message.Consumer}' is registered on this instance");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(_options.DeliveryTimeout);
            result = await consumer.DeliverAsync(delivery, timeout.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A consumer's failure is the message's business, not the worker's: record it and go on.
            error = exception is OperationCanceledException ? $"timed out after {_options.DeliveryTimeout}" : $"{exception.GetType().Name}: {exception.Message}";
        }

        var finishedAt = clock.GetUtcNow();
        var recorded = result switch
        {
            { PostponedUntil: { } until } => await OutboxStore.PostponedAsync(db, message.Id, claim, until, Truncate(result.Note ?? "postponed"),
                CancellationToken.None),
            not null => await OutboxStore.DeliveredAsync(db, message.Id, claim, Name, startedAt, finishedAt, result.Note is { } note ? Truncate(note) : null,
                CancellationToken.None),
            null => await OutboxStore.FailedAsync(db, message.Id, claim, Name, startedAt, finishedAt, Truncate(error ?? "no result"),
                finishedAt + _options.BackoffAfter(delivery.Attempt, (Random.Shared.NextDouble() * 2) - 1), _options.MaxAttempts, CancellationToken.None),
        };
        if (recorded && result is { PostponedUntil: null })
        {
            OutboxTelemetry.Delivered(message, finishedAt);
        }
        else if (recorded && result is null)
        {
            OutboxTelemetry.Failed(message);
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        if (!recorded)
        {
            logger.LogWarning("Outbox message {MessageId} outlived its claim; another worker has it now", message.Id);
        }
        else if (error is not null)
        {
            // The error itself stays in the attempt (admins read it at /admin/deliveries/{id}), not in the log:
            // a receiver's answer quoted in it may echo the payload, contact data and all.
            logger.LogWarning("Outbox message {MessageId} for {Consumer} failed (attempt {Attempt}); its error is kept with the delivery",
                message.Id, message.Consumer, delivery.Attempt);
        }
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
