using Microsoft.EntityFrameworkCore;
using Open311.Core.Requests;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Citizens;

/// <summary>Requests as a citizen's messages name them: the follow link and the unsubscribe link, read from what was stored.</summary>
public static class CitizenRequests
{
    public static async Task<ServiceRequest> StoredAsync(Open311App app, long id)
    {
        await using var db = app.Db();
        return await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    public static async Task<string> FollowPathAsync(Open311App app, long id)
    {
        var request = await StoredAsync(app, id);
        return $"/follow/{request.ProtocolNumber}?code={request.FollowCode}";
    }

    public static async Task<List<RequestEvent>> HistoryAsync(Open311App app, long id)
    {
        await using var db = app.Db();
        return await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.Id).ToListAsync();
    }
}
