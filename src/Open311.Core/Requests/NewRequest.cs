namespace Open311.Core.Requests;

/// <summary>A submission as it arrives from any channel, before validation.</summary>
public sealed record NewRequest
{
    public required string JurisdictionId { get; init; }
    public required string ServiceCode { get; init; }
    public double? Lat { get; init; }
    public double? Long { get; init; }
    public string? Address { get; init; }
    public string? AddressId { get; init; }
    public string? Zipcode { get; init; }
    public string? Description { get; init; }
    public string? ExternalMediaUrl { get; init; }
    public UploadedImage? Photo { get; init; }
    /// <summary>Raw answers by attribute code; a multivaluelist answer may hold several values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
    public RequesterContact Contact { get; init; } = new();
    public Channel Channel { get; init; } = Channel.Open311;
    /// <summary>When the citizen actually made it (a call left on the answering machine is recorded later). Null: now.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
    /// <summary>Phone and counter intake may say how urgent it is; Open311 never does. Null: normal.</summary>
    public RequestPriority? Priority { get; init; }
    public bool NotifySms { get; init; }
    public bool NotifyEmail { get; init; }
    /// <summary>The language to write to the requester in, one the jurisdiction serves; null: the jurisdiction's own.</summary>
    public string? Language { get; init; }
    /// <summary>Staff may record requests in private categories, which Open311 never shows.</summary>
    public bool IncludePrivateServices { get; init; }
    public long? ApiClientId { get; init; }
    /// <summary>Who records it, for the history: the client app or the operator.</summary>
    public required string Actor { get; init; }
}
