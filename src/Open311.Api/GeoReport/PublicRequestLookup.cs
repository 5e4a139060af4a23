using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>
/// GET requests/{id}, the hottest read of Open311 (apps poll their own requests): the request when it is the
/// jurisdiction's and in a public category (the rule of <see cref="RequestSearch.PublicPage"/>), else null. A compiled
/// query, so no expression tree is built, hashed and looked up per call (bench/README.md: 38% more answers per second
/// than the same query uncompiled). EF binds a compiled query to the model it first runs with, and the reads and the primary each have theirs
/// (as has each host in one process, in the tests): hence one per context type, in a singleton.
/// </summary>
public sealed class PublicRequestLookup
{
    private readonly Func<Open311Db, string, long, IReadOnlyList<long>, CancellationToken, Task<RequestView?>> _onReads = Compile();
    private readonly Func<Open311Db, string, long, IReadOnlyList<long>, CancellationToken, Task<RequestView?>> _onPrimary = Compile();

    public Task<RequestView?> FindAsync(Open311Db db, string jurisdictionId, long id, PublicNames names, CancellationToken cancellationToken) =>
        (db is Open311ReadDb ? _onReads : _onPrimary)(db, jurisdictionId, id, names.ServiceIds, cancellationToken);

    private static Func<Open311Db, string, long, IReadOnlyList<long>, CancellationToken, Task<RequestView?>> Compile() =>
        EF.CompileAsyncQuery((Open311Db db, string jurisdictionId, long id, IReadOnlyList<long> publicServiceIds, CancellationToken _) =>
            db.Requests.AsNoTracking()
                .Where(r => r.Id == id && r.JurisdictionId == jurisdictionId && publicServiceIds.Contains(r.ServiceId))
                .Select(RequestView.FromRow)
                .FirstOrDefault());
}
