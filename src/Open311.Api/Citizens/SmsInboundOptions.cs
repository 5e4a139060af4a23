namespace Open311.Api.Citizens;

/// <summary>The SMS gateway's inbound callback (configuration section <c>Sms</c>, shared with the sending side's settings).</summary>
public sealed class SmsInboundOptions
{
    public const string Section = "Sms";

    /// <summary>What the gateway sends as <c>X-Inbound-Secret</c> (or the <c>secret</c> field). Unset: no inbound callback (404).</summary>
    public string? InboundSecret { get; set; }

    /// <summary>Comma-separated replies that stop SMS, matched whatever their case and accents.</summary>
    public string StopKeywords { get; set; } = "STOP,ΣΤΟΠ,ΔΙΑΚΟΠΗ";

    public IEnumerable<string> Keywords => StopKeywords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
