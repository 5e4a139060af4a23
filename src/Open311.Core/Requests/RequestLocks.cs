using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Requests;

/// <summary>Row locks on requests, for changes that must read them unchanged until their transaction ends.</summary>
public static class RequestLocks
{
    /// <summary>
    /// Locks the requests' rows until the caller's transaction ends, in id order so two such changes never deadlock:
    /// what is read after it cannot be changed by anyone else first (two operators attaching callers at once).
    /// </summary>
    public static async Task LockRequestsAsync(this Open311Db db, IEnumerable<long> ids, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"""SELECT id AS "Value" FROM service_requests WHERE id = ANY({ids.Distinct().Order().ToArray()}) ORDER BY id FOR UPDATE""")
            .ToListAsync(cancellationToken);
}
