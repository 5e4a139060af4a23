using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Escalation;

namespace Open311.Core.ServiceLevels;

/// <summary>
/// Each jurisdiction's service levels and escalation rules, kept in memory until a change (<see cref="KeptPerJurisdiction{T}"/>):
/// every submission picks its targets and plans its escalation from them, and they change a few times a year.
/// </summary>
public sealed class ServiceLevelRules
{
    private readonly IDbContextFactory<Open311Db> _dbFactory;
    private readonly KeptPerJurisdiction<ServiceLevelBook> _kept;

    public ServiceLevelRules(IDbContextFactory<Open311Db> dbFactory, CatalogChanges changes) =>
        (_dbFactory, _kept) = (dbFactory, new(changes, LoadAsync));

    public Task<ServiceLevelBook> ForAsync(string jurisdictionId, CancellationToken cancellationToken) => _kept.ForAsync(jurisdictionId, cancellationToken);

    private async Task<ServiceLevelBook> LoadAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var levels = await db.ServiceLevels.AsNoTracking().Where(l => l.JurisdictionId == jurisdictionId).ToListAsync(cancellationToken);
        var rules = await db.EscalationRules.AsNoTracking().Where(r => r.JurisdictionId == jurisdictionId).ToListAsync(cancellationToken);
        return new ServiceLevelBook(levels, rules);
    }
}

/// <summary>A jurisdiction's service levels and escalation rules at one moment; shared between calls, so never changed.</summary>
public sealed class ServiceLevelBook(IReadOnlyList<ServiceLevel> levels, IReadOnlyList<EscalationRule> rules)
{
    public IReadOnlyList<EscalationRule> EscalationRules => rules;

    /// <summary>
    /// The most specific service level that matches: category+area+priority, then category+area, then category+priority, then
    /// the category alone; an area is more specific than a priority because areas are where departments differ.
    /// </summary>
    public Targets TargetsFor(long serviceId, long? areaId, Requests.RequestPriority priority) => levels
        .Where(l => l.ServiceId == serviceId && (l.AreaId is null || l.AreaId == areaId) && (l.Priority is null || l.Priority == priority))
        .OrderByDescending(l => l.AreaId is not null)
        .ThenByDescending(l => l.Priority is not null)
        .Select(l => new Targets(l.ResponseMinutes, l.ResolutionMinutes))
        .FirstOrDefault(Targets.None);
}
