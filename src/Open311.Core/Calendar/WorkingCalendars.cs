using Open311.Core.Catalog;

namespace Open311.Core.Calendar;

/// <summary>The working calendar of each jurisdiction: what service-level clocks and statistics count in.</summary>
public sealed class WorkingCalendars(JurisdictionDirectory directory)
{
    /// <summary>The jurisdiction's calendar; null for an unknown jurisdiction.</summary>
    public async ValueTask<WorkingCalendar?> ForAsync(string jurisdictionId, CancellationToken cancellationToken) =>
        await directory.FindAsync(jurisdictionId, cancellationToken) is { } jurisdiction
            ? WorkingCalendar.National(jurisdiction.Zone, WeeklyHours.MunicipalOffice)
            : null;
}
