using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

public static class RequestViewQuery
{
    /// <summary>One page of public requests, read as <see cref="RequestView"/>s: the query behind GET requests and GET requests/{id}.</summary>
    public static async Task<IQueryable<RequestView>> PublicViewsAsync(this Open311Db db, RequestFilter filter, LanguageChoice language,
        CancellationToken cancellationToken) =>
        (await db.PublicPageAsync(filter, cancellationToken)).Select(RequestView.From(language));
}
