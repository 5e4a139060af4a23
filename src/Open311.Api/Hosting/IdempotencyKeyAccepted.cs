namespace Open311.Api.Hosting;

/// <summary>Whose retries an Idempotency-Key tells apart on an endpoint: a client app's (by its API key) or a member of staff's.</summary>
public enum IdempotencyCaller
{
    ClientApp,
    Staff,
}

/// <summary>Endpoint metadata: its POST, PUT, PATCH and DELETE calls honour an <c>Idempotency-Key</c> header (<see cref="IdempotencyMiddleware"/>).</summary>
public sealed record IdempotencyKeyAccepted(IdempotencyCaller Caller)
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on an answer given again from what a first call with the same key answered.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxKeyLength = 255;

    public static bool IsChange(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
}
