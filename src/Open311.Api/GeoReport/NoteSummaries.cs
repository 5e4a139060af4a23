using Open311.Core.Catalog;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>What a public history event says when staff wrote no note of their own.</summary>
public static class NoteSummaries
{
    private static readonly Dictionary<RequestEventKind, LocalizedText> Summaries = new()
    {
        [RequestEventKind.Submitted] = Texts("Το αίτημα καταχωρήθηκε", "Request received"),
        [RequestEventKind.StatusChanged] = Texts("Η κατάσταση του αιτήματος άλλαξε", "Request status changed"),
        [RequestEventKind.Note] = Texts("Ενημέρωση", "Update"),
        [RequestEventKind.MarkedDuplicate] = Texts("Το αίτημα έχει ήδη υποβληθεί από άλλον πολίτη", "The same problem was already reported"),
        [RequestEventKind.Assigned] = Texts("Ανατέθηκε σε υπάλληλο", "Assigned to a member of staff"),
        [RequestEventKind.Rerouted] = Texts("Διαβιβάστηκε σε άλλη υπηρεσία", "Passed to another department"),
        [RequestEventKind.ExpectedChanged] = Texts("Ορίστηκε αναμενόμενη ημερομηνία", "Expected date set"),
    };

    /// <summary>In the chosen language when the service has it (Greek and English), else in the jurisdiction's default, else in Greek.</summary>
    public static string For(RequestEventKind kind, LanguageChoice language) => Summaries[kind].In(language);

    private static LocalizedText Texts(string el, string en) => LocalizedText.Of(("el", el), ("en", en));
}
