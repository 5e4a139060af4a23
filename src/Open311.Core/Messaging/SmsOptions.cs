namespace Open311.Core.Messaging;

/// <summary>How SMS leave the service and how long they may be (configuration section <c>Sms</c>).</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary><c>http</c> in production; <c>files</c> writes each SMS as a text file under <see cref="Directory"/> instead (the quick start's sink).</summary>
    public string Transport { get; set; } = "http";
    /// <summary>The gateway's endpoint that takes one message per POST.</summary>
    public Uri? Url { get; set; }
    /// <summary>Basic authentication, when both are set.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>A header that carries the credential instead, e.g. <c>Authorization</c> (with <see cref="ApiKey"/> <c>Bearer …</c>) or <c>X-API-Key</c>.</summary>
    public string? ApiKeyHeader { get; set; }
    public string? ApiKey { get; set; }
    /// <summary><c>json</c> (an object) or <c>form</c> (application/x-www-form-urlencoded).</summary>
    public string BodyFormat { get; set; } = "json";
    /// <summary>The body's field names, as the gateway's documentation names them; an empty one is left out.</summary>
    public string ToField { get; set; } = "to";
    public string TextField { get; set; } = "text";
    public string SenderField { get; set; } = "from";
    public string MessageIdField { get; set; } = "id";
    /// <summary>The sender the gateway shows: a short number, or an alphanumeric name such as <c>DHMOS</c>.</summary>
    public string? Sender { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>Where <c>files</c> writes: relative to the working directory.</summary>
    public string Directory { get; set; } = ".data/messages/sms";
    /// <summary>The most segments one citizen message may take; templates that could take more are refused.</summary>
    public int MaxSegments { get; set; } = 2;
    /// <summary>What the gateway sends as <c>X-Inbound-Secret</c> (or the <c>secret</c> field) with the replies it forwards. Unset: the gateway forwards none (the callback answers 404).</summary>
    public string? InboundSecret { get; set; }
    /// <summary>Comma-separated replies that stop SMS, matched whatever their case and accents; the first is the one messages tell of.</summary>
    public string StopKeywords { get; set; } = "STOP,ΣΤΟΠ,ΔΙΑΚΟΠΗ";
    /// <summary>Where a reply goes, when not to the sender (e.g. <c>54001</c>).</summary>
    public string? StopNumber { get; set; }

    public IReadOnlyList<string> Keywords => StopKeywords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// The reply messages tell of: the first stop keyword, when the gateway forwards replies. Without
    /// one, messages carry the unsubscribe link instead (longer: a Greek SMS with both links takes three segments).
    /// </summary>
    public string? ReplyKeyword => string.IsNullOrEmpty(InboundSecret) ? null : Keywords.FirstOrDefault();
}
