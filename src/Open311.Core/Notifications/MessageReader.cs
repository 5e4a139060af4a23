using Open311.Core.Citizens;
using Open311.Core.Requests;

namespace Open311.Core.Notifications;

/// <summary>
/// Whom a citizen message is for: the requester (recipient key <c>email</c> / <c>sms</c>, as before followers) or one
/// follower (<c>follower:{id}</c>, so each is its own outbox recipient and nobody is sent a change twice). Personal data.
/// </summary>
public sealed record MessageReader(string? Email, string? Phone, bool WantsEmail, bool WantsSms, string Language, Guid UnsubscribeToken)
{
    private const string FollowerPrefix = "follower:";

    public static MessageReader Requester(ServiceRequest request) =>
        new(request.Contact.Email, request.Contact.Phone, request.NotifyEmail, request.NotifySms, request.Language, request.UnsubscribeToken);

    public static MessageReader Follower(RequestFollower follower) =>
        new(follower.Email, follower.Phone, follower.NotifyEmail, follower.NotifySms, follower.Language, follower.UnsubscribeToken);

    public static string FollowerKey(long followerId) => FormattableString.Invariant($"{FollowerPrefix}{followerId}");

    /// <summary>The follower a recipient key names; null for the requester's keys.</summary>
    public static long? FollowerOf(string recipient) =>
        recipient.StartsWith(FollowerPrefix, StringComparison.Ordinal) && long.TryParse(recipient.AsSpan(FollowerPrefix.Length), out var id) ? id : null;

    public Uri UnsubscribeLink(CitizenLinks links) => links.UnsubscribeOf(UnsubscribeToken);

    public override string ToString() => "MessageReader { contact redacted }";
}
