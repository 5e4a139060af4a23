using System.Globalization;
using System.Text;
using Open311.Core.Catalog;
using Open311.Core.Escalation;
using Open311.Core.Requests;

namespace Open311.Core.StaffAlerts;

/// <summary>
/// The text of a staff alert, in Greek or English (other languages get English): what happened,
/// the protocol number, category, place, description and where to open the request. Nothing about
/// the citizen but what they reported. A request in a private category (support for vulnerable
/// residents, say) is only named: its category, place and description stay inside the service,
/// out of mailboxes and inbox previews.
/// </summary>
public static class StaffAlertEmail
{
    /// <summary>What an alert tells of a request: read by name, so its contact data is never loaded. <paramref name="Category"/> is null for a private one.</summary>
    public sealed record Request(long Id, string ProtocolNumber, LocalizedText? Category, string? Address, double? Lat, double? Long, string? Description);

    private sealed record Wording(string NewRequestSubject, string NewRequestLead, string ReroutedSubject, string ReroutedLead, string AssignedSubject,
        string AssignedLead, string Protocol, string Category, string Location, string NoLocation, string Description, string NoDescription,
        string Reason, string Time, string Open, string Footer, string PrivateCategory, string EscalatedSubject, string EscalatedLead,
        string ResponseClock, string ResolutionClock, string PriorityRaised, IReadOnlyDictionary<RequestPriority, string> Priorities);

    private static readonly Wording Greek = new(
        NewRequestSubject: "Νέο αίτημα {0}: {1}",
        NewRequestLead: "Ένα νέο αίτημα δρομολογήθηκε στο τμήμα σας.",
        ReroutedSubject: "Το αίτημα {0} διαβιβάστηκε στο τμήμα σας: {1}",
        ReroutedLead: "Ένα αίτημα διαβιβάστηκε στο τμήμα σας από άλλο τμήμα.",
        AssignedSubject: "Σας ανατέθηκε το αίτημα {0}: {1}",
        AssignedLead: "Σας ανατέθηκε ένα αίτημα.",
        Protocol: "Αριθμός πρωτοκόλλου",
        Category: "Κατηγορία",
        Location: "Τοποθεσία",
        NoLocation: "δεν δόθηκε",
        Description: "Περιγραφή",
        NoDescription: "(χωρίς περιγραφή)",
        Reason: "Αιτιολογία",
        Time: "Ώρα",
        Open: "Ανοίξτε το αίτημα",
        Footer: "Αυτόματο μήνυμα της υπηρεσίας αιτημάτων ({0}). Τα στοιχεία επικοινωνίας του πολίτη φαίνονται μόνο μέσα στο αίτημα. "
            + "Ποιες ειδοποιήσεις λαμβάνετε το ορίζει ο διαχειριστής.",
        PrivateCategory: "αίτημα μη δημόσιας κατηγορίας (τα στοιχεία του μόνο μέσα στο αίτημα)",
        EscalatedSubject: "Κλιμάκωση του αιτήματος {0}: {1}",
        EscalatedLead: "Το αίτημα έφτασε στο {0} % του χρόνου-στόχου για {1}.",
        ResponseClock: "την πρώτη απάντηση",
        ResolutionClock: "την επίλυση",
        PriorityRaised: "Η προτεραιότητα αυξήθηκε σε",
        Priorities: new Dictionary<RequestPriority, string>
        {
            [RequestPriority.Low] = "χαμηλή", [RequestPriority.Normal] = "κανονική", [RequestPriority.High] = "υψηλή", [RequestPriority.Urgent] = "επείγουσα",
        });

    private static readonly Wording English = new(
        NewRequestSubject: "New request {0}: {1}",
        NewRequestLead: "A new request was routed to your department.",
        ReroutedSubject: "Request {0} rerouted to your department: {1}",
        ReroutedLead: "A request was sent to your department from another one.",
        AssignedSubject: "Request {0} assigned to you: {1}",
        AssignedLead: "A request was assigned to you.",
        Protocol: "Protocol number",
        Category: "Category",
        Location: "Location",
        NoLocation: "not given",
        Description: "Description",
        NoDescription: "(no description)",
        Reason: "Reason",
        Time: "Time",
        Open: "Open the request",
        Footer: "Automatic message from the request service ({0}). The citizen's contact details are shown only in the request itself. "
            + "An administrator sets which alerts you receive.",
        PrivateCategory: "a request in a private category (its details only in the request itself)",
        EscalatedSubject: "Escalation of request {0}: {1}",
        EscalatedLead: "The request has reached {0} % of its target time for {1}.",
        ResponseClock: "the first response",
        ResolutionClock: "resolution",
        PriorityRaised: "Priority raised to",
        Priorities: new Dictionary<RequestPriority, string>
        {
            [RequestPriority.Low] = "low", [RequestPriority.Normal] = "normal", [RequestPriority.High] = "high", [RequestPriority.Urgent] = "urgent",
        });

    public static (string Subject, string Body) Compose(string alert, Request request, RequestEvent change, LanguageChoice language,
        JurisdictionInfo jurisdiction, Uri link)
    {
        var words = language.Chosen == "el" ? Greek : English;
        var (subject, lead) = alert switch
        {
            StaffAlertKinds.NewRequest => (words.NewRequestSubject, words.NewRequestLead),
            StaffAlertKinds.Rerouted => (words.ReroutedSubject, words.ReroutedLead),
            StaffAlertKinds.Escalated => (words.EscalatedSubject, Escalation(words, EscalationStep.Of(change)!)),
            _ => (words.AssignedSubject, words.AssignedLead),
        };
        var category = request.Category?.In(language) ?? words.PrivateCategory;
        var time = TimeZoneInfo.ConvertTime(change.OccurredAt, jurisdiction.Zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var body = new StringBuilder()
            .AppendLine(lead)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{words.Protocol}: {request.ProtocolNumber}")
            .AppendLine(CultureInfo.InvariantCulture, $"{words.Category}: {category}")
            .AppendLine(CultureInfo.InvariantCulture, $"{words.Location}: {Place(request) ?? words.NoLocation}")
            .AppendLine(CultureInfo.InvariantCulture, $"{words.Time}: {time}");
        if (alert == StaffAlertKinds.Rerouted && change.Note is { } reason)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"{words.Reason}: {reason}");
        }

        if (alert == StaffAlertKinds.Escalated && EscalationStep.Of(change)!.RaisedTo is { } raised)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"{words.PriorityRaised}: {words.Priorities[raised]}");
        }

        body.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{words.Description}:")
            .AppendLine(string.IsNullOrWhiteSpace(request.Description) ? words.NoDescription : request.Description)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{words.Open}: {link.AbsoluteUri}")
            .AppendLine()
            .Append("-- ")
            .AppendLine()
            .Append(string.Format(CultureInfo.InvariantCulture, words.Footer, jurisdiction.Jurisdiction.Name.In(language)));
        return (string.Format(CultureInfo.InvariantCulture, subject, request.ProtocolNumber, category), body.ToString());
    }

    /// <summary>What the escalation says: how much of which clock's target the request has used.</summary>
    private static string Escalation(Wording words, EscalationStep step) =>
        string.Format(CultureInfo.InvariantCulture, words.EscalatedLead, step.AtPercent,
            step.Clock == EscalationClock.Response ? words.ResponseClock : words.ResolutionClock);

    /// <summary>The address as given, then the point, e.g. <c>Κνωσού 112 (35.33910, 25.13390)</c>; null when neither was given.</summary>
    private static string? Place(Request request)
    {
        var point = request is { Lat: { } lat, Long: { } lon } ? string.Create(CultureInfo.InvariantCulture, $"{lat:0.00000}, {lon:0.00000}") : null;
        return (request.Address, point) switch
        {
            ({ Length: > 0 } address, { } at) => $"{address} ({at})",
            ({ Length: > 0 } address, null) => address,
            (_, { } at) => at,
            _ => null,
        };
    }
}
