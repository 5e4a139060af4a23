using Open311.Core.Catalog;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>What a public history event says when staff wrote no note of their own.</summary>
public static class NoteSummaries
{
    private static readonly Dictionary<RequestEventKind, LocalizedText> Summaries = new()
    {
        [RequestEventKind.Submitted] = new("Το αίτημα καταχωρήθηκε", "Request received"),
        [RequestEventKind.StatusChanged] = new("Η κατάσταση του αιτήματος άλλαξε", "Request status changed"),
        [RequestEventKind.Note] = new("Ενημέρωση", "Update"),
        [RequestEventKind.MarkedDuplicate] = new("Το αίτημα έχει ήδη υποβληθεί από άλλον πολίτη", "The same problem was already reported"),
        [RequestEventKind.Assigned] = new("Ανατέθηκε σε υπάλληλο", "Assigned to a member of staff"),
        [RequestEventKind.Rerouted] = new("Διαβιβάστηκε σε άλλη υπηρεσία", "Passed to another department"),
        [RequestEventKind.ExpectedChanged] = new("Ορίστηκε αναμενόμενη ημερομηνία", "Expected date set"),
    };

    public static string For(RequestEventKind kind, string locale) => Summaries[kind].In(locale);
}
