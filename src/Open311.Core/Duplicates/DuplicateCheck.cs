using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Core.Duplicates;

/// <summary>
/// Finds the open requests a new one may repeat: same jurisdiction and category, not themselves duplicates, requested
/// within the category's <see cref="ServiceCategory.DuplicateAgeDays"/> and within its
/// <see cref="ServiceCategory.DuplicateDistanceMetres"/> of the new point (geography distance, metres), nearest first.
/// A request without a point is not checked: an address as typed says too little to compare.
/// </summary>
/// <remarks>
/// Served by <c>ix_requests_location_open</c> (0004: GiST on location and requested_at of open requests): the radius
/// and the age are both index conditions, so the cost follows the open requests at that spot, not the table.
/// </remarks>
public static class DuplicateCheck
{
    public const int DefaultDistanceMetres = 50;
    public const int DefaultAgeDays = 30;
    public const int MaxDistanceMetres = 1000;
    public const int MaxAgeDays = 365;
    /// <summary>A few are enough to choose from; more would only bury the likely one.</summary>
    public const int MaxCandidates = 5;

    private sealed record Candidate(long Id, string ProtocolNumber, double Distance, string State, RequestStatus Status, DateTimeOffset RequestedAt);

    /// <summary>Compiled, since every submission runs it: no expression tree is built, hashed and looked up per call.</summary>
    private static readonly Func<Open311Db, string, long, DateTimeOffset, Point, double, IAsyncEnumerable<Candidate>> Nearest = EF.CompileAsyncQuery(
        (Open311Db db, string jurisdictionId, long serviceId, DateTimeOffset since, Point point, double metres) =>
            db.Requests.AsNoTracking()
                .Where(r => r.JurisdictionId == jurisdictionId && r.ServiceId == serviceId && r.Status == RequestStatus.Open
                    && r.DuplicateOfId == null && r.RequestedAt >= since && r.Location!.IsWithinDistance(point, metres))
                .OrderBy(r => r.Location!.Distance(point)).ThenByDescending(r => r.RequestedAt)
                .Take(MaxCandidates)
                .Select(r => new Candidate(r.Id, r.ProtocolNumber, r.Location!.Distance(point), r.State.Code, r.Status, r.RequestedAt)));

    public static async Task<List<PossibleDuplicate>> FindAsync(Open311Db db, ServiceCategory service, double? lat, double? lon,
        DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        if (lat is not { } latitude || lon is not { } longitude || service.DuplicateDistanceMetres <= 0)
        {
            return [];
        }

        var found = await Nearest(db, service.JurisdictionId, service.Id, requestedAt.AddDays(-service.DuplicateAgeDays), Wgs84.PointAt(latitude, longitude),
            service.DuplicateDistanceMetres).ToListAsync(cancellationToken);
        return [.. found.Select(r => new PossibleDuplicate(r.Id, r.ProtocolNumber, (int)Math.Round(r.Distance), r.State, r.Status, r.RequestedAt))];
    }

    /// <summary>The setting's rule, for the admin API.</summary>
    public static List<FieldError> Check(int distanceMetres, int ageDays)
    {
        var errors = new List<FieldError>();
        if (distanceMetres is < 0 or > MaxDistanceMetres)
        {
            errors.Add(new("distance_metres", $"between 0 (no check) and {MaxDistanceMetres}"));
        }

        if (ageDays is < 1 or > MaxAgeDays)
        {
            errors.Add(new("age_days", $"between 1 and {MaxAgeDays}"));
        }

        return errors;
    }
}
