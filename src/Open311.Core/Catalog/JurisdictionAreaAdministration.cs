using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Core.Catalog;

/// <summary>
/// The box intake accepts points in (<see cref="Jurisdiction.Covers"/>), for administrators: checked here,
/// saved with its audit record. A box does not cross the antimeridian: no Greek municipality needs it.
/// </summary>
public sealed class JurisdictionAreaAdministration(Open311Db db, TimeProvider clock)
{
    /// <summary>Degrees in WGS 84: all four, or all null to clear the box (intake then checks no area).</summary>
    public sealed record AreaBox(double? South, double? West, double? North, double? East);

    public async Task<AdminResult<Jurisdiction>> SetAsync(StaffActor actor, AreaBox box, CancellationToken cancellationToken)
    {
        if (Check(box) is { Count: > 0 } errors)
        {
            return AdminResult<Jurisdiction>.Invalid(errors);
        }

        var jurisdiction = await db.Jurisdictions.SingleAsync(j => j.Id == actor.JurisdictionId, cancellationToken);
        (jurisdiction.AreaSouth, jurisdiction.AreaWest, jurisdiction.AreaNorth, jurisdiction.AreaEast) = (box.South, box.West, box.North, box.East);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<Jurisdiction>.Done(jurisdiction);
    }

    private static List<FieldError> Check(AreaBox box)
    {
        var errors = new List<FieldError>();
        if (box is { South: null, West: null, North: null, East: null })
        {
            return errors;
        }

        foreach (var (field, value, limit) in new[] { ("south", box.South, 90), ("north", box.North, 90), ("west", box.West, 180), ("east", box.East, 180) })
        {
            // NaN fails both comparisons, so it is refused here too.
            if (!(value >= -limit && value <= limit))
            {
                errors.Add(new(field, $"a number from -{limit} to {limit} degrees, given with the other three (or all four null to clear the box)"));
            }
        }

        if (errors.Count == 0 && box.South >= box.North)
        {
            errors.Add(new("south", "must be less than north"));
        }

        if (errors.Count == 0 && box.West >= box.East)
        {
            errors.Add(new("west", "must be less than east"));
        }

        return errors;
    }
}
