using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
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

    public static async Task<List<PossibleDuplicate>> FindAsync(IQueryable<ServiceRequest> requests, ServiceCategory service, double? lat, double? lon,
        DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        if (lat is not { } latitude || lon is not { } longitude || service.DuplicateDistanceMetres <= 0)
        {
            return [];
        }

        var point = Wgs84.PointAt(latitude, longitude);
        var since = requestedAt.AddDays(-service.DuplicateAgeDays);
        var found = await requests.AsNoTracking()
            .Where(r => r.JurisdictionId == service.JurisdictionId && r.ServiceId == service.Id && r.Status == RequestStatus.Open
                && r.DuplicateOfId == null && r.RequestedAt >= since && r.Location!.IsWithinDistance(point, service.DuplicateDistanceMetres))
            .Select(r => new { r.Id, r.ProtocolNumber, Distance = r.Location!.Distance(point), State = r.State.Code, r.Status, r.RequestedAt })
            .OrderBy(r => r.Distance).ThenByDescending(r => r.RequestedAt)
            .Take(MaxCandidates)
            .ToListAsync(cancellationToken);
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
