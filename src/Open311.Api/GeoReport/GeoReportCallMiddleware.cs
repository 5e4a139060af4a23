using Microsoft.Extensions.Options;
using Open311.Api.GeoReport.Wire;
using Open311.Core.Catalog;

namespace Open311.Api.GeoReport;

/// <summary>
/// Resolves format, jurisdiction and language before any GeoReport handler runs (the endpoints
/// marked <see cref="GeoReportEndpoint"/>), or answers with an Open311 error. A middleware
/// rather than an endpoint filter because handlers receive the result through parameter binding,
/// which happens before filters run.
/// </summary>
public sealed class GeoReportCallMiddleware(JurisdictionDirectory jurisdictions, IOptions<Open311Options> options) : IMiddleware
{
    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<GeoReportEndpoint>() is null)
        {
            await next(http);
            return;
        }

        var format = WireFormats.Parse(http.GetRouteValue("format") as string ?? "xml");
        if (format is null)
        {
            await Open311Errors.NotFound(WireFormat.Xml, "unknown format: use .xml or .json").ExecuteAsync(http);
            return;
        }

        var parameters = await GeoReportParameters.ReadAsync(http.Request);
        var common = WireBinding.Bind<CallParameters>(parameters);
        // Jurisdictions are web domains, which are case-insensitive.
        var (jurisdiction, error) = await ResolveJurisdictionAsync(common.JurisdictionId?.ToLowerInvariant(), format.Value, http.RequestAborted);
        if (jurisdiction is null)
        {
            await error!.ExecuteAsync(http);
            return;
        }

        var language = LanguageRule.Choose(jurisdiction.Jurisdiction, common.Locale, http.Request.Headers.AcceptLanguage);
        new GeoReportCall(format.Value, jurisdiction, language, parameters).Store(http);
        await next(http);
    }

    private async Task<(JurisdictionInfo?, WireResult?)> ResolveJurisdictionAsync(string? id, WireFormat format, CancellationToken cancellationToken)
    {
        id ??= options.Value.DefaultJurisdiction;
        if (id is null)
        {
            var all = await jurisdictions.AllAsync(cancellationToken);
            return all.Count == 1
                ? (all.First(), null)
                : (null, Open311Errors.BadRequest(format, "jurisdiction_id is required: this server serves several jurisdictions"));
        }

        var found = await jurisdictions.FindAsync(id, cancellationToken);
        return found is null ? (null, Open311Errors.NotFound(format, $"jurisdiction_id {id} not found")) : (found, null);
    }
}
