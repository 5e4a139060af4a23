using Open311.Core.Catalog;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>A public history event as <c>extensions=true</c> shows it: staff's note, else the state it reached, else what happened.</summary>
public sealed record PublicNote(long RequestId, DateTimeOffset OccurredAt, RequestEventKind Kind, string? Note, LocalizedText? StateAfter)
{
    public string Summary(LanguageChoice language) => Summarize(Kind, Note, StateAfter, language);

    /// <summary>The same words wherever a public event is shown (the follow page too).</summary>
    public static string Summarize(RequestEventKind kind, string? note, LocalizedText? stateAfter, LanguageChoice language) =>
        note ?? (kind == RequestEventKind.StatusChanged && stateAfter is not null ? stateAfter.In(language) : NoteSummaries.For(kind, language));
}
