using System.Reflection;
using Open311.Api.GeoReport.Wire;
using Open311.Core.Catalog;

namespace Open311.Api.GeoReport;

/// <summary>
/// What every GeoReport call needs before its handler runs: the wire format, the jurisdiction
/// and the language. <see cref="GeoReportCallMiddleware"/> resolves it once per call.
/// </summary>
public sealed record GeoReportCall(WireFormat Format, JurisdictionInfo Jurisdiction, LanguageChoice Language, GeoReportParameters Parameters)
{
    private static readonly object ItemKey = new();

    public string JurisdictionId => Jurisdiction.Id;

    public TimeZoneInfo Zone => Jurisdiction.Zone;

    internal void Store(HttpContext context) => context.Items[ItemKey] = this;

    /// <summary>Lets handlers take the call as a parameter.</summary>
    public static ValueTask<GeoReportCall?> BindAsync(HttpContext context, ParameterInfo parameter) => ValueTask.FromResult<GeoReportCall?>(Of(context));

    internal static GeoReportCall Of(HttpContext context) =>
        context.Items[ItemKey] as GeoReportCall ?? throw new InvalidOperationException("GeoReportCallMiddleware did not run for this endpoint.");
}
