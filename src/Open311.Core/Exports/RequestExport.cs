using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Requests;
using Open311.Core.Staff;

namespace Open311.Core.Exports;

/// <summary>
/// The requests of a staff list filter, for a file: every match the actor may see (not a page),
/// read from the database and handed on one by one so that 10⁶ rows never sit in memory.
/// </summary>
public enum ExportFormat
{
    Csv,
    /// <summary>Only requests with a point.</summary>
    GeoJson,
}

/// <remarks>The rows come from <paramref name="reads"/> (a standby, perhaps); the audit entry is written on the primary.</remarks>
public sealed class RequestExport(Open311ReadDb reads, Open311Db db, TimeProvider clock)
{
    public sealed record Export(bool WithContact, IAsyncEnumerable<ExportedRequest> Rows);

    /// <summary>
    /// The rows, streamed. When they carry contact data the export is recorded in the audit trail once
    /// the last row has been read (or the caller stopped): who, the filter, how many rows, never the data.
    /// </summary>
    public Export Of(StaffActor actor, StaffRequestFilter filter, LanguageChoice language, ExportFormat format)
    {
        var withContact = actor.MayExportContact;
        var matches = reads.StaffMatches(actor, filter, clock.GetUtcNow());
        // A map draws points: requests known only by an address are in the CSV, not in the GeoJSON.
        var rows = (format == ExportFormat.GeoJson ? matches.Where(r => r.Lat != null && r.Long != null) : matches)
            .Select(ExportedRequest.From(language, withContact)).AsAsyncEnumerable();
        return new(withContact, withContact ? Audited(actor, filter, format, rows) : rows);
    }

    private async IAsyncEnumerable<ExportedRequest> Audited(StaffActor actor, StaffRequestFilter filter, ExportFormat format,
        IAsyncEnumerable<ExportedRequest> rows)
    {
        long count = 0;
        try
        {
            await foreach (var row in rows)
            {
                count++;
                yield return row;
            }
        }
        finally
        {
            db.AuditEvents.Add(new AuditEvent
            {
                JurisdictionId = actor.JurisdictionId,
                OccurredAt = clock.GetUtcNow(),
                Actor = actor.Name,
                Entity = AuditEntity.RequestExport,
                EntityId = format.ToOpen311(),
                Action = AuditAction.ExportedContact,
                After = System.Text.Json.JsonSerializer.Serialize(new { Filter = filter, Rows = count }, AuditTrail.Json),
            });
            // Recorded even when the download was cut off: the rows written so far did leave.
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
