using System.Security.Cryptography;
using Open311.Api.Auth;
using Open311.Api.GeoReport;
using Open311.Core.Data;
using Open311.Core.Idempotency;
using Open311.Core.Outbox;

namespace Open311.Api.Hosting;

/// <summary>
/// <c>Idempotency-Key</c> on the changes of endpoints marked <see cref="IdempotencyKeyAccepted"/>: the call runs in
/// one transaction that first claims the key (<see cref="IdempotencyKeys"/>) and, when the answer is a success,
/// stores it beside the change and commits both. A retry with the same key and the same call gets that answer
/// again (marked <c>Idempotent-Replayed</c>) and changes nothing; the same key with another call is a 422. Only
/// successes are kept: a refused or failed call (a 400, a 503 while the database is away) leaves nothing and may be
/// retried with its key. Keys belong to their caller, so two apps or two staff members never meet each other's.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyKeys keys, OutboxSignal outbox)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IdempotencyKeyAccepted>() is not { } accepted || !IdempotencyKeyAccepted.IsChange(http.Request.Method)
            || !http.Request.Headers.TryGetValue(IdempotencyKeyAccepted.Header, out var given))
        {
            await next(http);
            return;
        }

        var cancellationToken = http.RequestAborted;
        if (given is not [{ } key] || !IsWellFormed(key))
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest,
                $"{IdempotencyKeyAccepted.Header} must be one value of 1 to {IdempotencyKeyAccepted.MaxKeyLength} visible ASCII characters (a UUID will do)");
            return;
        }

        var fingerprint = await CallFingerprint.OfAsync(http.Request, cancellationToken);
        if (await CallerAsync(http, accepted.Caller, cancellationToken) is not { } scope)
        {
            // No key or token to tell whose call it is: the endpoint refuses it itself, and nothing is kept.
            await next(http);
            return;
        }

        var call = new IdempotentCall(scope, key, fingerprint);
        var db = http.RequestServices.GetRequiredService<Open311Db>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claim = await keys.ClaimAsync(db, call, cancellationToken);
        if (claim.Mismatch)
        {
            await RefuseAsync(http, StatusCodes.Status422UnprocessableEntity,
                $"this {IdempotencyKeyAccepted.Header} was used for a different call; use a new key for a new call");
            return;
        }

        if (claim.Answer is { } stored)
        {
            await ReplayAsync(http, stored, cancellationToken);
            return;
        }

        var answer = await RunAsync(http);
        if (answer.Status is >= 200 and < 300)
        {
            await keys.StoreAsync(db, call, answer, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            // The change's own code could not wake the worker: its transaction was this one, committed only now.
            outbox.Raise();
        }

        await http.Response.Body.WriteAsync(answer.Body, cancellationToken);
    }

    /// <summary>The endpoint's answer, written to memory so it can be kept before it is sent.</summary>
    private async Task<StoredAnswer> RunAsync(HttpContext http)
    {
        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        return new(http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
            buffer.ToArray());
    }

    private static async Task ReplayAsync(HttpContext http, StoredAnswer answer, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = answer.Status;
        http.Response.ContentType = answer.ContentType;
        if (answer.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }

        http.Response.Headers[IdempotencyKeyAccepted.ReplayedHeader] = "true";
        await http.Response.Body.WriteAsync(answer.Body, cancellationToken);
    }

    /// <summary>Whose key it is: the member of staff signed in, or the client app by (a hash of) the API key it sent.</summary>
    private static async Task<string?> CallerAsync(HttpContext http, IdempotencyCaller caller, CancellationToken cancellationToken)
    {
        if (caller == IdempotencyCaller.Staff)
        {
            return http.User.ToActor() is { } actor ? $"staff:{actor.Id}" : null;
        }

        var request = http.Request;
        string? apiKey = request.Headers[ClientPost.ApiKeyHeader].ToString() is { Length: > 0 } header ? header
            : request.Query["api_key"].ToString() is { Length: > 0 } query ? query
            : request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken))["api_key"].ToString()
            : null;
        return string.IsNullOrEmpty(apiKey) ? null : $"client:{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey)))}";
    }

    private static bool IsWellFormed(string key) => key.Length is > 0 and <= IdempotencyKeyAccepted.MaxKeyLength && key.All(c => c is > ' ' and <= '~');

    private static Task RefuseAsync(HttpContext http, int status, string description) =>
        GeoReportErrors.Covers(http.Request.Path)
            ? GeoReportErrors.WriteAsync(http, status, description)
            : Results.Problem(detail: description, statusCode: status).ExecuteAsync(http);
}
