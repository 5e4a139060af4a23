namespace Open311.Core.Webhooks;

/// <summary>How webhooks are called (configuration section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Hosts, as written in a subscription's URL (a name or an address), that may be called although
    /// they are loopback, private or link-local: a municipal system on the internal network, or the tests' 127.0.0.1.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];
    /// <summary>The longest a call may take, connection and answer together.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>After a rotation, how long the previous secret still signs, beside the new one.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);
    /// <summary>How much of a receiver's answer is read (and kept in a failed attempt's error); the rest is never downloaded.</summary>
    public int MaxResponseBytes { get; set; } = 1024;
}
