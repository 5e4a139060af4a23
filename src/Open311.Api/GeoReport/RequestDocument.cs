using System.Globalization;
using Open311.Api.GeoReport.Wire;
using Open311.Core;
using Open311.Core.Catalog;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>What <c>extensions=true</c> shows of a page's requests: their extras, public notes and the pending duplicate suggestions Open311 may name (public candidates only).</summary>
public sealed record RequestExtensions(IReadOnlyDictionary<long, RequestExtras> Extras, ILookup<long, PublicNote> Notes, ILookup<long, long> PossibleDuplicates);

/// <summary>Writes <c>&lt;service_requests&gt;</c> for GET requests and GET requests/{id}, with the catalogue's names in the call's language.</summary>
public sealed class RequestDocument(GeoReportCall call, PublicNames names, Func<RequestView, string?> mediaUrl)
{
    public void Write(IWireWriter writer, IReadOnlyList<RequestView> requests, RequestExtensions? extensions)
    {
        writer.StartList("service_requests");
        foreach (var request in requests)
        {
            writer.StartItem("request");
            WriteStandardFields(writer, request);
            if (extensions is not null)
            {
                WriteExtensions(writer, request, extensions.Extras[request.Id], extensions.Notes[request.Id], extensions.PossibleDuplicates[request.Id]);
            }

            writer.EndItem();
        }

        writer.EndDocument();
    }

    private void WriteStandardFields(IWireWriter writer, RequestView request)
    {
        var category = names.Category(request.ServiceId);
        writer.String("service_request_id", request.Id.ToString(CultureInfo.InvariantCulture));
        writer.String("status", request.Status.ToOpen311());
        writer.String("status_notes", request.StatusNotes);
        writer.String("service_name", category.Name.In(call.Language));
        writer.String("service_code", category.Code);
        writer.String("description", request.Description);
        writer.String("agency_responsible", Agency(request));
        writer.String("service_notice", Blank(category.Notice.In(call.Language)));
        writer.String("requested_datetime", Time(request.RequestedAt));
        writer.String("updated_datetime", Time(request.UpdatedAt));
        writer.String("expected_datetime", request.ExpectedAt is { } expected ? Time(expected) : null);
        writer.String("address", request.Address);
        writer.String("address_id", request.AddressId);
        writer.String("zipcode", request.Zipcode);
        writer.Number("lat", request.Lat);
        writer.Number("long", request.Long);
        writer.String("media_url", mediaUrl(request));
    }

    /// <summary>The <c>extensions=true</c> fields, in Chicago's shape.</summary>
    private void WriteExtensions(IWireWriter writer, RequestView request, RequestExtras extras, IEnumerable<PublicNote> notes, IEnumerable<long> possibleDuplicates)
    {
        writer.StartNestedObject("extended_attributes");
        writer.String("channel", extras.Channel.ToOpen311());
        writer.String("detailed_status", extras.State);
        writer.String("department", Agency(request));
        writer.String("protocol_number", extras.ProtocolNumber);
        writer.String("duplicate_of", extras.DuplicateOfId?.ToString(CultureInfo.InvariantCulture));
        var suggested = string.Join(",", possibleDuplicates.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        writer.String("possible_duplicate_of", suggested.Length == 0 ? null : suggested);
        writer.EndNestedObject();

        writer.StartNestedList("attributes");
        foreach (var (code, values) in extras.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            foreach (var value in values)
            {
                writer.StartItem("attribute");
                writer.String("code", code);
                writer.String("value", value);
                writer.EndItem();
            }
        }

        writer.EndNestedList();

        writer.StartNestedList("notes");
        foreach (var note in notes)
        {
            writer.StartItem("note");
            writer.String("datetime", Time(note.OccurredAt));
            writer.String("type", NoteType(note.Kind));
            writer.String("summary", note.Summary(call.Language));
            writer.EndItem();
        }

        writer.EndNestedList();
    }

    private static string NoteType(RequestEventKind kind) => kind switch
    {
        RequestEventKind.Submitted => "opened",
        RequestEventKind.StatusChanged or RequestEventKind.MarkedDuplicate => "status_changed",
        _ => "note",
    };

    private string? Agency(RequestView request) => names.Department(request.DepartmentId)?.In(call.Language);

    private string Time(DateTimeOffset value) => Iso8601.Format(value, call.Zone);

    private static string? Blank(string text) => text.Length == 0 ? null : text;
}
