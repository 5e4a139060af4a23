using Open311.Core.Catalog;
using Open311.Core.Requests;

namespace Open311.Core.Citizens;

/// <summary>
/// What the public follow page may show of a request: where it stands and what the public was
/// told, never who made it. No name, e-mail, phone, device or account; not the description
/// either, which is the citizen's own words and often names them or their neighbours; not the
/// address, which for a private category is a vulnerable resident's home. Texts stay in all
/// their languages: the page picks one, and may fall back to the request's own.
/// </summary>
public sealed record FollowView
{
    public required JurisdictionInfo Jurisdiction { get; init; }
    public required string ProtocolNumber { get; init; }
    /// <summary>The category's public name; null for a private category, whose name alone would say too much.</summary>
    public LocalizedText? Category { get; init; }
    public required LocalizedText State { get; init; }
    public RequestStatus Status { get; init; }
    /// <summary>The language the citizen chose for messages: the page's language when the browser asks for none.</summary>
    public required string Language { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ExpectedAt { get; init; }
    /// <summary>The public history, oldest first.</summary>
    public required IReadOnlyList<FollowNote> Notes { get; init; }
}

/// <summary>One public history event: staff's public note, or the state the request reached.</summary>
public sealed record FollowNote(DateTimeOffset OccurredAt, RequestEventKind Kind, string? Note, LocalizedText? StateAfter);

/// <summary>The request behind an unsubscribe link, as its page names it.</summary>
public sealed record UnsubscribeView(string ProtocolNumber, string Language, string DefaultLanguage, bool StillMessaged);
