using System.Text.RegularExpressions;

namespace Open311.Core.Notifications;

/// <summary>
/// The values a template may name, written <c>{name}</c>. <c>{stop}</c> is SMS's way to stop:
/// the reply keyword when the gateway takes replies (the first of <c>Sms:StopKeywords</c>, once <c>Sms:InboundSecret</c> is set), else the
/// unsubscribe link.
/// </summary>
public static partial class Placeholders
{
    public const string ProtocolNumber = "protocol_number";
    public const string Service = "service";
    public const string State = "state";
    public const string Note = "note";
    public const string FollowUrl = "follow_url";
    public const string UnsubscribeUrl = "unsubscribe_url";
    public const string Date = "date";
    public const string Municipality = "municipality";
    public const string Stop = "stop";

    public static readonly IReadOnlyList<string> All = [ProtocolNumber, Service, State, Note, FollowUrl, UnsubscribeUrl, Date, Municipality, Stop];

    /// <summary>What every message on the channel must carry: the way to follow the request and the way to stop hearing of it.</summary>
    public static IReadOnlyList<string> RequiredIn(MessageChannel channel) => channel == MessageChannel.Email ? [FollowUrl, UnsubscribeUrl] : [FollowUrl, Stop];

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Named();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[ \t]+\n")]
    private static partial Regex TrailingSpaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    /// <summary>The names in the text, in order of appearance.</summary>
    public static IEnumerable<string> In(string text) => Named().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>
    /// The text with each placeholder replaced by its value. A value left empty (no note) would
    /// leave a double space or an empty paragraph behind; those are closed up.
    /// </summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        var filled = Named().Replace(text, m => values.GetValueOrDefault(m.Groups[1].Value, m.Value));
        return BlankLines().Replace(TrailingSpaces().Replace(Spaces().Replace(filled, " "), "\n"), "\n\n").Trim();
    }
}
