using Open311.Core.Requests;

namespace Open311.Core.Privacy;

/// <summary>Everything held about one e-mail address or phone number: the requests it made and the follow-ups it sent.</summary>
public sealed record ContactData(string? Email, string? Phone, IReadOnlyList<HeldRequest> Requests, IReadOnlyList<HeldFollowUp> FollowUps);

/// <summary>A request the data subject made, with what it says and how they asked to be told.</summary>
public sealed record HeldRequest(long Id, string ProtocolNumber, DateTimeOffset RequestedAt, DateTimeOffset? ResolvedAt, string? Description,
    string? Address, RequesterContact Contact, bool NotifyEmail, bool NotifySms);

/// <summary>A follow-up the data subject sent through a client app on a request (perhaps someone else's).</summary>
public sealed record HeldFollowUp(long RequestId, string ProtocolNumber, DateTimeOffset SentAt, string? Text, string? FirstName, string? LastName,
    string? Email);

/// <summary>What an erasure changed: counts only.</summary>
public sealed record ErasedContact(int Requests, int FollowUps);
