namespace Open311.Core.Requests;

/// <summary>
/// Someone besides the requester told of a request's progress, on the channels they chose, in their language: a
/// second caller, a citizen who pressed "me too" in an app, the requester of a merged duplicate. Personal data:
/// never shown through Open311, never logged, anonymised with the request's contact (<see cref="ServiceRequest.AnonymiseContact"/>).
/// Part of the request: added, moved and stopped only through <see cref="RequestLifecycle"/>.
/// </summary>
public class RequestFollower
{
    /// <summary>For EF Core.</summary>
    private RequestFollower()
    {
    }

    internal RequestFollower(NewFollower wish, string language, FollowerSource source, DateTimeOffset now) =>
        (Email, Phone, NotifyEmail, NotifySms, Language, Source, AddedAt, UnsubscribeToken) =
        (Blank(wish.Email), Blank(wish.Phone), wish.NotifyEmail, wish.NotifySms, language, source, now, Guid.NewGuid());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public long Id { get; private set; }
    public long RequestId { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public bool NotifyEmail { get; private set; }
    public bool NotifySms { get; private set; }
    public string Language { get; private set; } = "";
    /// <summary>Names the follower in the unsubscribe link of its messages, like <see cref="ServiceRequest.UnsubscribeToken"/>.</summary>
    public Guid UnsubscribeToken { get; private set; }
    public FollowerSource Source { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
    public DateTimeOffset? AnonymisedAt { get; private set; }

    /// <summary>The same person, by either address: e-mail as typed in any case, phone numbers as <c>phone_key</c> compares them.</summary>
    internal bool IsSamePerson(string? email, string? phone) => SamePerson(Email, Phone, email, phone);

    internal static bool SamePerson(string? email, string? phone, string? otherEmail, string? otherPhone) =>
        (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrWhiteSpace(otherEmail)
            && string.Equals(email.Trim(), otherEmail.Trim(), StringComparison.OrdinalIgnoreCase))
        || (!string.IsNullOrWhiteSpace(phone) && !string.IsNullOrWhiteSpace(otherPhone) && PhoneKey(phone) == PhoneKey(otherPhone));

    /// <summary>Turns on the channels asked for again (never off: a second "me too" is not a stop). True when one was turned on.</summary>
    internal bool Renew(NewFollower wish)
    {
        var (beforeEmail, beforeSms) = (NotifyEmail, NotifySms);
        if (wish.NotifyEmail && wish.Email is not null)
        {
            (Email, NotifyEmail) = (Email ?? wish.Email, true);
        }

        if (wish.NotifySms && wish.Phone is not null)
        {
            (Phone, NotifySms) = (Phone ?? wish.Phone, true);
        }

        return (beforeEmail, beforeSms) != (NotifyEmail, NotifySms);
    }

    internal bool Stop(bool email, bool sms)
    {
        var before = (NotifyEmail, NotifySms);
        (NotifyEmail, NotifySms) = (NotifyEmail && !email, NotifySms && !sms);
        return before != (NotifyEmail, NotifySms);
    }

    internal bool Anonymise(DateTimeOffset now)
    {
        if (Email is null && Phone is null)
        {
            return false;
        }

        (Email, Phone, NotifyEmail, NotifySms, AnonymisedAt) = (null, null, false, false, now);
        return true;
    }

    /// <summary>
    /// The in-memory twin of the database's <c>phone_key</c> (0012: digits only, a Greek country code dropped), for
    /// telling whether two followers of one request are the same person; the unique index uses the function itself.
    /// </summary>
    private static string PhoneKey(string phone)
    {
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return System.Text.RegularExpressions.Regex.Replace(digits, "^(00)?30(\\d{10})$", "$2");
    }

    public override string ToString() => $"RequestFollower {{ Id = {Id}, RequestId = {RequestId}, contact redacted }}";
}

public enum FollowerSource
{
    /// <summary>Attached by a phone or counter operator instead of recording a new request.</summary>
    Caller,
    /// <summary>A citizen's "me too" through a client app (POST requests/{id}/followers).</summary>
    App,
    /// <summary>The requester or a follower of a request merged into this one as its duplicate.</summary>
    Merged,
}

/// <summary>Who wants to follow a request, and how to be told, before validation; a null language is the request's.</summary>
public sealed record NewFollower(string? Email, string? Phone, bool NotifyEmail, bool NotifySms, string? Language)
{
    public override string ToString() => "NewFollower { contact redacted }";
}
