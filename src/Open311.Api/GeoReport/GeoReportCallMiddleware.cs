using Microsoft.Extensions.Options;
using Open311.Api.GeoReport.Wire;
using Open311.Core.Catalog;

namespace Open311.Api.GeoReport;

/// <summary>
/// Resolves format, jurisdiction and language before any GeoReport handler runs (the endpoints
/// marked <see cref="GeoReportEndpoint"/>), or answers with an Open311 error. A middleware
/// rather than an endpoint filter because handlers receive the result through parameter binding,
/// which happens before filters run. Built once for the pipeline, so a call resolves nothing to reach it.
/// </summary>
public sealed class GeoReportCallMiddleware(RequestDelegate next, JurisdictionDirectory jurisdictions, IOptions<Open311Options> options)
{
    public async Task InvokeAsync(HttpContext http)
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
        var (jurisdiction, named) = await jurisdictions.ResolveAsync(common.JurisdictionId, options.Value.DefaultJurisdiction, http.RequestAborted);
        if (jurisdiction is null)
        {
            await (named is null
                ? Open311Errors.BadRequest(format.Value, "jurisdiction_id is required: this server serves several jurisdictions")
                : Open311Errors.NotFound(format.Value, $"jurisdiction_id {named} not found")).ExecuteAsync(http);
            return;
        }

        var language = LanguageRule.Choose(jurisdiction.Jurisdiction, common.Locale, http.Request.Headers.AcceptLanguage);
        new GeoReportCall(format.Value, jurisdiction, language, parameters).Store(http);
        await next(http);
    }
}
