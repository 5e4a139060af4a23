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
    };

    public static string For(RequestEventKind kind, string locale) => Summaries[kind].In(locale);
}
