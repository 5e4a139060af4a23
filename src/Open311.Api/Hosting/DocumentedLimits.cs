using System.Globalization;
using System.Text.RegularExpressions;
using Open311.Api.Admin;
using Open311.Api.GeoReport;
using Open311.Core.Requests;

namespace Open311.Api.Hosting;

/// <summary>
/// The limits a description may name as <c>{Name}</c>, filled in when the document is made: a
/// description then never states a limit the configuration has changed. An unknown name throws,
/// so a typo fails the document test rather than reaching integrators.
/// </summary>
public static partial class DocumentedLimits
{
    [GeneratedRegex(@"\{([A-Za-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    public static string? Fill(string? text, Open311Options options)
    {
        if (text is null)
        {
            return null;
        }

        var limits = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [nameof(options.MaxPageSize)] = options.MaxPageSize,
            [nameof(options.MaxWindowDays)] = options.MaxWindowDays,
            [nameof(options.MaxRadiusMetres)] = options.MaxRadiusMetres,
            ["MaxPhotoMegabytes"] = options.MaxPhotoBytes / (1024 * 1024),
            [nameof(RequestListQuery.DefaultRadiusMetres)] = RequestListQuery.DefaultRadiusMetres,
            [nameof(RequestListQuery.MaxIds)] = RequestListQuery.MaxIds,
            [nameof(PageLimits.MaxPage)] = PageLimits.MaxPage,
            [nameof(RequestLifecycle.MaxDescriptionLength)] = RequestLifecycle.MaxDescriptionLength,
            ["StaffMaxPageSize"] = RequestHandlingEndpoints.MaxPageSize,
            ["WorkOrderMaxPageSize"] = WorkOrdersEndpoints.MaxPageSize,
            ["DeliveriesMaxPageSize"] = DeliveriesEndpoints.MaxPageSize,
            ["AuditPageSize"] = AuditEndpoint.PageSize,
        };
        return Placeholder().Replace(text, match => limits.TryGetValue(match.Groups[1].Value, out var limit)
            ? limit.ToString("#,0.##", CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"A description names {match.Value}, which is no documented limit."));
    }
}
