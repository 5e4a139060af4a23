using Open311.Core.Audit;

namespace Open311.Core.Clients;

/// <summary>A registered civic app allowed to submit requests with its API key.</summary>
public class ApiClient
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    public required string Name { get; set; }
    /// <summary>SHA-256 of the key, hex. The key itself is shown once, when it is made.</summary>
    [NotAudited]
    public required string KeyHash { get; set; }
    /// <summary>The key's first characters, so staff can tell keys apart without storing them.</summary>
    public required string KeyPrefix { get; set; }
    public string? ContactEmail { get; set; }
    /// <summary>Submissions allowed per minute; more get HTTP 429.</summary>
    public int RateLimitPerMinute { get; set; } = 600;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>The key itself, only for the built-in reporting page's app, whose key every browser receives (<see cref="ReportingPageClient"/>); null for any other.</summary>
    [NotAudited]
    public string? PageKey { get; set; }
}
