using System.Buffers;
using System.Security.Claims;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Exports;
using Open311.Core.Statistics;

namespace Open311.Api.Admin;

/// <summary>
/// Files a municipality's tools open: the staff list's requests as CSV and GeoJSON (any filter of
/// the list, every match, not a page), and the statistics table as CSV. Streamed row by row.
/// </summary>
public static class ExportEndpoints
{
    public const string GeoJsonContentType = "application/geo+json";

    /// <summary>What openapi.yaml says a GeoJSON export holds; the features are written one by one, not from this type.</summary>
    public sealed record RequestFeatureCollection(string Type, IReadOnlyList<RequestFeature> Features);

    /// <summary>A request as a GeoJSON feature: its point and its columns as properties.</summary>
    public sealed record RequestFeature(string Type, PointGeometry Geometry, ExportedRequest Properties);

    /// <summary>A GeoJSON Point: longitude, latitude (WGS 84).</summary>
    public sealed record PointGeometry(string Type, double[] Coordinates);

    private const string ExportNote = "The staff list's filters (page and page_size are ignored: every match is exported), over the requests the caller " +
        "may see, newest first (GeoJSON: those with a point). Contact data (first_name, last_name, email, phone) only for admin, dispatcher and staff accounts; each such export is " +
        "recorded in the audit trail (who, filter, row count). Names in the caller's language.";

    public static void MapRequestExports(this IEndpointRouteBuilder requests)
    {
        requests.MapGet("/export.csv", Csv)
            .WithName("ExportRequestsCsv")
            .WithSummary("The requests of a staff list filter as CSV (UTF-8 with BOM)")
            .WithDescription(ExportNote)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem();
        requests.MapGet("/export.geojson", GeoJson)
            .WithName("ExportRequestsGeoJson")
            .WithSummary("The requests of a staff list filter as a GeoJSON FeatureCollection of points (for QGIS)")
            .WithDescription(ExportNote)
            .Produces<RequestFeatureCollection>(StatusCodes.Status200OK, GeoJsonContentType)
            .ProducesValidationProblem();
    }

    public static void MapStatisticsExport(this IEndpointRouteBuilder statistics) =>
        statistics.MapGet("/export.csv", StatisticsCsv)
            .WithName("ExportStatisticsCsv")
            .WithSummary("The statistics table as CSV (UTF-8 with BOM): one row per group, then the totals")
            .WithDescription("The same query and figures as GET /admin/statistics; labels in the caller's language.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem();

    public static async Task<IResult> Csv([AsParameters] StaffRequestSearch query, ClaimsPrincipal user, RequestExport export, StaffLanguage language,
        JurisdictionDirectory jurisdictions, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var (filter, errors) = StaffRequestQuery.Parse(query, actor.JurisdictionId, RequestHandlingEndpoints.MaxPageSize);
        if (filter is null)
        {
            return Problems.Invalid(errors);
        }

        var zone = (await jurisdictions.FindAsync(actor.JurisdictionId, cancellationToken))!.Zone;
        var file = export.Of(actor, filter, await language.ForAsync(actor, cancellationToken), ExportFormat.Csv);
        var columns = RequestCsvColumns.For(file.WithContact, zone);
        return CsvFile.Download("requests.csv", async (csv, ct) =>
        {
            csv.WriteHeader([.. columns.Select(c => c.Name)]);
            await foreach (var row in file.Rows.WithCancellation(ct))
            {
                foreach (var column in columns)
                {
                    csv.WriteField(column.Value(row));
                }

                await csv.EndRecordAsync(ct);
            }
        }, cancellationToken);
    }

    public static async Task<IResult> GeoJson([AsParameters] StaffRequestSearch query, ClaimsPrincipal user, RequestExport export, StaffLanguage language,
        IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var (filter, errors) = StaffRequestQuery.Parse(query, actor.JurisdictionId, RequestHandlingEndpoints.MaxPageSize);
        if (filter is null)
        {
            return Problems.Invalid(errors);
        }

        var file = export.Of(actor, filter, await language.ForAsync(actor, cancellationToken), ExportFormat.GeoJson);
        var options = json.Value.SerializerOptions;
        return TypedResults.Stream(async stream =>
        {
            // JSON goes to a buffer (the serializer flushes synchronously, which Kestrel refuses), and the buffer
            // to the response whenever it holds 32 KiB: never more than that in memory, whatever the row count.
            var buffer = new ArrayBufferWriter<byte>(64 * 1024);
            await using var writer = new Utf8JsonWriter(buffer);
            async Task SendAsync()
            {
                writer.Flush();
                await stream.WriteAsync(buffer.WrittenMemory, cancellationToken);
                buffer.ResetWrittenCount();
            }

            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            writer.WriteStartArray("features");
            await foreach (var row in file.Rows.WithCancellation(cancellationToken))
            {
                JsonSerializer.Serialize(writer, new RequestFeature("Feature", new PointGeometry("Point", [row.Long!.Value, row.Lat!.Value]), row), options);
                if (buffer.WrittenCount > 32 * 1024)
                {
                    await SendAsync();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            await SendAsync();
        }, GeoJsonContentType, "requests.geojson");
    }

    public static async Task<IResult> StatisticsCsv([AsParameters] StatisticsEndpoints.StatisticsQuery query, ClaimsPrincipal user, Open311ReadDb db,
        StaffLanguage language, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (grouping, from, to, errors) = StatisticsEndpoints.Parse(query, clock.GetUtcNow());
        if (grouping is null || errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var actor = user.Actor();
        var figures = await GroupStatistics.ByAsync(db, actor, grouping, await language.ForAsync(actor, cancellationToken), from, to, cancellationToken);
        return CsvFile.Download("statistics.csv", async (csv, ct) =>
        {
            csv.WriteHeader([grouping.Name, "label", .. StatisticsCsvColumns.Names]);
            foreach (var row in figures.Rows)
            {
                WriteFigures(csv, row.Key, row.Label, row);
            }

            WriteFigures(csv, "", "total", figures.Totals);
            await csv.FlushAsync(ct);
        }, cancellationToken);
    }

    private static void WriteFigures(CsvWriter csv, string key, string label, GroupFigures figures)
    {
        csv.WriteField(key);
        csv.WriteField(label);
        foreach (var value in StatisticsCsvColumns.Values(figures))
        {
            csv.WriteField(value);
        }

        csv.EndRecord();
    }
}
