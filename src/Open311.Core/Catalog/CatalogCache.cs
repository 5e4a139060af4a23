using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;
using Open311.Core.Workflow;

namespace Open311.Core.Catalog;

/// <summary>
/// Each jurisdiction's active categories (with attributes), workflows and public names, kept in memory
/// (<see cref="KeptPerJurisdiction{T}"/>): every Open311 call and every submission reads them, and
/// they change a few times a year.
/// </summary>
public sealed class CatalogCache
{
    private readonly IDbContextFactory<Open311Db> _dbFactory;
    private readonly KeptPerJurisdiction<CatalogSnapshot> _kept;

    public CatalogCache(IDbContextFactory<Open311Db> dbFactory, CatalogChanges changes) =>
        (_dbFactory, _kept) = (dbFactory, new(changes, LoadAsync));

    public Task<CatalogSnapshot> ForAsync(string jurisdictionId, CancellationToken cancellationToken) => _kept.ForAsync(jurisdictionId, cancellationToken);

    private async Task<CatalogSnapshot> LoadAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        // Read first: a change committed while the rest loads makes this snapshot newer than its version, never older,
        // and its notice then starts a new generation at once.
        var version = await db.Database.SqlQuery<CatalogVersion>($"SELECT version, changed_at FROM catalog_version")
            .FirstOrDefaultAsync(cancellationToken) ?? new CatalogVersion(0, null);
        var services = await db.Services.AsNoTracking()
            .Where(s => s.JurisdictionId == jurisdictionId && s.Active)
            .Include(s => s.Attributes.OrderBy(a => a.Order))
            .ThenInclude(a => a.Values.OrderBy(v => v.SortOrder).ThenBy(v => v.Id))
            .OrderBy(s => s.Code)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var workflows = await db.Workflows.AsNoTrackingWithIdentityResolution()
            .Where(w => w.JurisdictionId == jurisdictionId)
            .Include(w => w.States)
            .Include(w => w.Transitions).ThenInclude(t => t.To)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var publicCategories = await db.Services.AsNoTracking()
            .Where(s => s.JurisdictionId == jurisdictionId && s.IsPublic)
            .Select(s => new PublicCategory(s.Id, s.Code, s.Name, s.Notice))
            .ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.JurisdictionId == jurisdictionId)
            .Select(d => KeyValuePair.Create(d.Id, d.Name))
            .ToListAsync(cancellationToken);
        return new CatalogSnapshot(services, workflows, new PublicNames(publicCategories, departments), version);
    }
}

/// <summary>A jurisdiction's catalogue at one moment; shared between calls, so never changed.</summary>
public sealed class CatalogSnapshot(IReadOnlyList<ServiceCategory> services, IReadOnlyList<RequestWorkflow> workflows, PublicNames names,
    CatalogVersion version)
{
    /// <summary>The catalogue's version in the database (0032), the same on every instance: what Open311's validators (ETag, Last-Modified) rest on.</summary>
    public CatalogVersion Version => version;

    /// <summary>The names public request answers show, of every public category (retired ones too) and department.</summary>
    public PublicNames Names => names;

    /// <summary>The catalogue as citizens see it: active, public categories, by code.</summary>
    public IEnumerable<ServiceCategory> PublicServices => services.Where(s => s.IsPublic);

    /// <summary>An active category; private ones (e.g. social support) only for staff intake.</summary>
    public ServiceCategory? Find(string code, bool includePrivate) =>
        services.FirstOrDefault(s => s.Code == code && (s.IsPublic || includePrivate));

    /// <summary>The workflow a category's requests follow: its own, or the jurisdiction's default.</summary>
    public RequestWorkflow WorkflowFor(long? workflowId) => workflows.Single(w => workflowId is null ? w.IsDefault : w.Id == workflowId);
}

/// <summary>
/// The row of <c>catalog_version</c>: bumped by every statement that changes the catalogue (categories, attributes,
/// workflows, departments, jurisdictions, calendars), with the time of that change.
/// </summary>
public sealed record CatalogVersion(long Version, DateTimeOffset? ChangedAt);
