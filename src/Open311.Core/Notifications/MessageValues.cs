using System.Globalization;

namespace Open311.Core.Notifications;

/// <summary>What one message tells, by placeholder; <see cref="Notes"/> are the public notes since the last message sent, oldest first.</summary>
public sealed record MessageValues(string ProtocolNumber, string Service, string State, IReadOnlyList<string> Notes, Uri FollowUrl, Uri UnsubscribeUrl,
    DateTimeOffset Date, string Municipality, string Stop)
{
    /// <summary>How <c>{date}</c> is written, in the jurisdiction's time zone: 01/12/2026 09:30.</summary>
    public const string DateFormat = "dd/MM/yyyy HH:mm";

    public Dictionary<string, string> With(string note) => new()
    {
        [Placeholders.ProtocolNumber] = ProtocolNumber,
        [Placeholders.Service] = Service,
        [Placeholders.State] = State,
        [Placeholders.Note] = note,
        [Placeholders.FollowUrl] = FollowUrl.AbsoluteUri,
        [Placeholders.UnsubscribeUrl] = UnsubscribeUrl.AbsoluteUri,
        [Placeholders.Date] = Date.ToString(DateFormat, CultureInfo.InvariantCulture),
        [Placeholders.Municipality] = Municipality,
        [Placeholders.Stop] = Stop,
    };
}
