using Open311.Core.Catalog;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>A public history event as <c>extensions=true</c> shows it: staff's note, else the state it reached, else what happened.</summary>
public sealed record PublicNote(long RequestId, DateTimeOffset OccurredAt, RequestEventKind Kind, string? Note, LocalizedText? StateAfter)
{
    public string Summary(LanguageChoice language) =>
        Note ?? (Kind == RequestEventKind.StatusChanged && StateAfter is not null ? StateAfter.In(language) : NoteSummaries.For(Kind, language));
}
