using System.Globalization;

namespace Open311.Api.Auth;

/// <summary>The <c>Retry-After</c> header's value for a wait: whole seconds, rounded up so a client that obeys is not refused again.</summary>
public static class RetryAfter
{
    public static string Seconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
