namespace Open311.Core.Notifications;

/// <summary>
/// The built-in wording, in Greek and English (other languages get the English until a jurisdiction
/// writes its own). Greek SMS are UCS-2, 67 characters a segment once split, and the follow link
/// alone takes about 60: so the Greek SMS say only what matters and leave the rest to the page
/// the link opens. With realistic values they fit <c>Sms:MaxSegments</c>' default of two segments
/// when a reply keyword is configured (the unsubscribe link in its place takes a third).
/// </summary>
public static class DefaultTemplates
{
    public const string Greek = "el";
    public const string English = "en";

    private const string GreekStop = "\n\n—\nΔεν θέλετε άλλα μηνύματα για αυτό το αίτημα; {unsubscribe_url}";
    private const string EnglishStop = "\n\n—\nNo more messages about this request: {unsubscribe_url}";

    private static readonly Dictionary<(MessageKind, MessageChannel, string), (string? Subject, string Body)> Texts = new()
    {
        [(MessageKind.Recorded, MessageChannel.Email, Greek)] = (
            "{municipality}: το αίτημά σας {protocol_number} καταχωρίστηκε",
            "Σας ευχαριστούμε που επικοινωνήσατε μαζί μας.\n\n" +
            "Το αίτημά σας «{service}» καταχωρίστηκε στις {date} με αριθμό πρωτοκόλλου {protocol_number}.\n\n" +
            "Μπορείτε να παρακολουθείτε την πορεία του εδώ:\n{follow_url}\n\n" +
            "Θα σας ενημερώνουμε για κάθε εξέλιξη.\n\n{municipality}" + GreekStop),
        [(MessageKind.Updated, MessageChannel.Email, Greek)] = (
            "{municipality}: νέα για το αίτημά σας {protocol_number}",
            "Το αίτημά σας {protocol_number} («{service}») βρίσκεται τώρα στην κατάσταση: {state}.\n\n{note}\n\n" +
            "Παρακολούθηση: {follow_url}\n\n{municipality}" + GreekStop),
        [(MessageKind.Closed, MessageChannel.Email, Greek)] = (
            "{municipality}: το αίτημά σας {protocol_number} έκλεισε",
            "Το αίτημά σας {protocol_number} («{service}») έκλεισε. Τελική κατάσταση: {state}.\n\n{note}\n\n" +
            "Όλο το ιστορικό του: {follow_url}\n\n" +
            "Σας ευχαριστούμε που μας βοηθάτε να φροντίζουμε την πόλη.\n\n{municipality}" + GreekStop),
        [(MessageKind.Recorded, MessageChannel.Sms, Greek)] = (null, "Το αίτημά σας {protocol_number} καταχωρίστηκε: {follow_url} {stop}"),
        [(MessageKind.Updated, MessageChannel.Sms, Greek)] = (null, "Αίτημα {protocol_number}: {state}. {note} {follow_url} {stop}"),
        [(MessageKind.Closed, MessageChannel.Sms, Greek)] = (null, "Αίτημα {protocol_number}: έκλεισε ({state}). {note} {follow_url} {stop}"),

        [(MessageKind.Recorded, MessageChannel.Email, English)] = (
            "{municipality}: your request {protocol_number} has been recorded",
            "Thank you for contacting us.\n\n" +
            "Your request \"{service}\" was recorded on {date} with protocol number {protocol_number}.\n\n" +
            "You can follow its progress here:\n{follow_url}\n\n" +
            "We will let you know of every step.\n\n{municipality}" + EnglishStop),
        [(MessageKind.Updated, MessageChannel.Email, English)] = (
            "{municipality}: news about your request {protocol_number}",
            "Your request {protocol_number} (\"{service}\") is now: {state}.\n\n{note}\n\n" +
            "Follow it: {follow_url}\n\n{municipality}" + EnglishStop),
        [(MessageKind.Closed, MessageChannel.Email, English)] = (
            "{municipality}: your request {protocol_number} is closed",
            "Your request {protocol_number} (\"{service}\") is closed. Final state: {state}.\n\n{note}\n\n" +
            "Its whole history: {follow_url}\n\n" +
            "Thank you for helping us look after the city.\n\n{municipality}" + EnglishStop),
        [(MessageKind.Recorded, MessageChannel.Sms, English)] = (null,
            "{municipality}: your request {protocol_number} ({service}) has been recorded. Follow it: {follow_url} {stop}"),
        [(MessageKind.Updated, MessageChannel.Sms, English)] = (null,
            "{municipality}: request {protocol_number} ({service}) is now {state}. {note} Follow it: {follow_url} {stop}"),
        [(MessageKind.Closed, MessageChannel.Sms, English)] = (null,
            "{municipality}: request {protocol_number} ({service}) is closed: {state}. {note} Follow it: {follow_url} {stop}"),
    };

    /// <summary>The default in <paramref name="language"/>, else in English.</summary>
    public static TemplateText For(MessageKind kind, MessageChannel channel, string language)
    {
        var (subject, body) = Texts.TryGetValue((kind, channel, language), out var text) ? text : Texts[(kind, channel, English)];
        return new TemplateText(subject, body, IsDefault: true);
    }

    /// <summary>
    /// The SMS way to stop, for <c>{stop}</c>: reply with the keyword when the gateway forwards
    /// replies to the service, else the unsubscribe link.
    /// </summary>
    public static string StopInstruction(string language, string? keyword, string? number, Uri unsubscribe) => (language, keyword, number) switch
    {
        (Greek, { Length: > 0 }, { Length: > 0 }) => $"Διακοπή: {keyword} στο {number}",
        (Greek, { Length: > 0 }, _) => $"Διακοπή: απαντήστε {keyword}",
        (Greek, _, _) => $"Διακοπή: {unsubscribe.AbsoluteUri}",
        (_, { Length: > 0 }, { Length: > 0 }) => $"Reply {keyword} to {number} to stop",
        (_, { Length: > 0 }, _) => $"Reply {keyword} to stop",
        _ => $"Stop: {unsubscribe.AbsoluteUri}",
    };
}
