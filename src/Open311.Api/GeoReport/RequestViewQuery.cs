using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

public static class RequestViewQuery
{
    /// <summary>One page of public requests, read as <see cref="RequestView"/>s: the query behind GET requests (one request: <see cref="PublicRequestLookup"/>).</summary>
    public static IQueryable<RequestView> PublicViews(this Open311Db db, RequestFilter filter, PublicNames names) =>
        db.PublicPage(filter, names).Select(RequestView.FromRow);
}
