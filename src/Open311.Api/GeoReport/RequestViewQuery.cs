using AutoMapper.QueryableExtensions;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

public static class RequestViewQuery
{
    /// <summary>One page of public requests, read as <see cref="RequestView"/>s: the query behind GET requests and GET requests/{id}.</summary>
    public static async Task<IQueryable<RequestView>> PublicViewsAsync(this Open311Db db, RequestFilter filter, AutoMapper.IConfigurationProvider mapping,
        CancellationToken cancellationToken) =>
        (await db.PublicPageAsync(filter, cancellationToken)).ProjectTo<RequestView>(mapping);
}
