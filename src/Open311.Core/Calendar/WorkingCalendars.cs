using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;

namespace Open311.Core.Calendar;

/// <summary>
/// The working calendar of each jurisdiction: what service-level clocks and statistics count in.
/// Built from what is stored (its weekly hours, its own days) on the national holidays, and kept
/// in memory until a change (<see cref="KeptPerJurisdiction{T}"/>), since every clock asks it;
/// each calendar keeps the closed days of the years it was asked about.
/// </summary>
public sealed class WorkingCalendars
{
    private readonly JurisdictionDirectory _directory;
    private readonly IDbContextFactory<Open311Db> _dbFactory;
    private readonly KeptPerJurisdiction<WorkingCalendar?> _kept;

    public WorkingCalendars(JurisdictionDirectory directory, IDbContextFactory<Open311Db> dbFactory, CatalogChanges changes) =>
        (_directory, _dbFactory, _kept) = (directory, dbFactory, new(changes, LoadAsync));

    /// <summary>The jurisdiction's calendar; null for an unknown jurisdiction.</summary>
    public async ValueTask<WorkingCalendar?> ForAsync(string jurisdictionId, CancellationToken cancellationToken) =>
        await _kept.ForAsync(jurisdictionId, cancellationToken);

    private async Task<WorkingCalendar?> LoadAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        if (await _directory.FindAsync(jurisdictionId, cancellationToken) is not { } jurisdiction)
        {
            return null;
        }

        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var hours = await db.WorkingHours.AsNoTracking().Where(h => h.JurisdictionId == jurisdictionId).ToListAsync(cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.JurisdictionId == jurisdictionId).ToListAsync(cancellationToken);
        return new WorkingCalendar(jurisdiction.Zone, WeekdayHours.Week(hours),
            year => ClosedDays.In(year, days).Select(d => d.Date).ToHashSet());
    }
}
