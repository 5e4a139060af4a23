using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NetTopologySuite.Geometries;
using Open311.Core.Catalog;
using Open311.Core.Data;

namespace Open311.Core.Audit;

/// <summary>
/// The one way to save changes to audited things: every added, changed or deleted row is
/// recorded with its columns before and after, in the same transaction. Saving them any other
/// way fails (<see cref="AuditGuard"/>), so an audit cannot be forgotten.
/// </summary>
public static class AuditedSave
{
    private const string Hidden = "(hidden)";
    private const string ChangedSecret = "(changed)";

    public static async Task SaveAuditedAsync(this Open311Db db, AuditActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Before the save: what deleted and changed rows were. Keys of added rows are known only after it.
        var changes = db.ChangeTracker.Entries()
            .Select(entry => (Entry: entry, Entity: AuditedEntities.NameOf(entry), entry.State))
            .Where(c => c.Entity is not null)
            .Select(c => new Change(c.Entry, c.Entity!, c.State, c.State == EntityState.Added ? null : Snapshot(c.Entry, original: true), Key(c.Entry),
                ModifiedSecrets(c.Entry)))
            .ToList();

        await using var transaction = await JoinedTransaction.BeginOrJoinAsync(db.Database, cancellationToken);
        db.AuditingAs = actor;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var change in changes)
            {
                db.AuditEvents.Add(new AuditEvent
                {
                    JurisdictionId = actor.JurisdictionId,
                    OccurredAt = now,
                    Actor = actor.Name,
                    Entity = change.Entity,
                    EntityId = change.Key ?? Key(change.Entry)!,
                    Action = change.State switch
                    {
                        EntityState.Added => AuditAction.Created,
                        EntityState.Deleted => AuditAction.Deleted,
                        _ => AuditAction.Updated,
                    },
                    Before = Json(change.Before),
                    After = change.State == EntityState.Deleted ? null : Json(Snapshot(change.Entry, original: false, change.ModifiedSecrets)),
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.AuditingAs = null;
        }
    }

    private sealed record Change(EntityEntry Entry, string Entity, EntityState State, Dictionary<string, object?>? Before, string? Key,
        HashSet<string> ModifiedSecrets);

    /// <summary>The row's key as text; null while it is a temporary value (an added row before its insert).</summary>
    private static string? Key(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name)).ToList();
        return key.Any(p => p.IsTemporary || p.CurrentValue is null)
            ? null
            : string.Join(",", key.Select(p => Convert.ToString(p.CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static HashSet<string> ModifiedSecrets(EntityEntry entry) =>
        [.. entry.Properties.Where(p => p.IsModified && IsSecret(p)).Select(p => p.Metadata.Name)];

    private static bool IsSecret(PropertyEntry property) =>
        property.Metadata.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), inherit: true) == true;

    /// <summary>The row as its columns hold it (enums as stored, geometry as WKT), secrets masked.</summary>
    private static Dictionary<string, object?> Snapshot(EntityEntry entry, bool original, HashSet<string>? modifiedSecrets = null)
    {
        var columns = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var value = original ? property.OriginalValue : property.CurrentValue;
            // A text is recorded one entry per language ({column}_{language}), as its columns were before
            // 0008_texts_in_any_language.sql, so the trail reads the same across that change.
            if (value is LocalizedText text)
            {
                foreach (var (language, translation) in text.Texts)
                {
                    columns[$"{property.Metadata.GetColumnName()}_{language}"] = translation;
                }

                continue;
            }

            columns[property.Metadata.GetColumnName()] = IsSecret(property)
                ? value is null ? null : modifiedSecrets?.Contains(property.Metadata.Name) == true ? ChangedSecret : Hidden
                : Stored(property.Metadata.GetValueConverter()?.ConvertToProvider(value) ?? value);
        }

        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                columns[property.Metadata.GetColumnName()] = original ? property.OriginalValue : property.CurrentValue;
            }
        }

        return columns;
    }

    private static object? Stored(object? value) => value is Geometry geometry ? geometry.AsText() : value;

    private static string? Json(Dictionary<string, object?>? columns) => columns is null ? null : JsonSerializer.Serialize(columns, AuditTrail.Json);
}
