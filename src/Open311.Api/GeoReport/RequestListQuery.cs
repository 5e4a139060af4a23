using System.Globalization;
using Open311.Api.GeoReport.Wire;
using Open311.Core;
using Open311.Core.Requests;
using Open311.Core.Search;

namespace Open311.Api.GeoReport;

/// <summary>Turns the parameters of GET requests into a <see cref="RequestFilter"/>, or into the 400s that explain what is wrong.</summary>
public static class RequestListQuery
{
    public const double DefaultRadiusMetres = 1000;
    public const int MaxIds = 500;

    public static (RequestFilter? Filter, List<Open311Error> Errors) Parse(GeoReportCall call, RequestSearchParameters p, DateTimeOffset now, Open311Options options)
    {
        var errors = new List<Open311Error>();
        // GeoReport v2: a list of ids overrides every other filter, so the others are not even read.
        var ids = ReadIds(p, errors);
        if (ids is not null || p.ProtocolNumber is not null)
        {
            var only = new RequestFilter { JurisdictionId = call.JurisdictionId, Ids = ids, ProtocolNumber = ids is null ? p.ProtocolNumber : null, PageSize = options.MaxPageSize };
            return errors.Count > 0 ? (null, errors) : (only, errors);
        }

        // A sync by update time looks at every request that changed, however old.
        var syncing = p.UpdatedAfter is not null || p.UpdatedBefore is not null;
        var (from, to) = ReadWindow(p.StartDate, p.EndDate, syncing, now, options, errors);
        var filter = new RequestFilter
        {
            JurisdictionId = call.JurisdictionId,
            ServiceCodes = List(p.ServiceCode),
            From = from,
            To = to,
            Statuses = ReadStatuses(p, errors),
            UpdatedAfter = ReadDate(p.UpdatedAfter, "updated_after", errors),
            UpdatedBefore = ReadDate(p.UpdatedBefore, "updated_before", errors),
            Near = ReadCircle(p, options, errors),
            Within = ReadBox(p.Bbox, errors),
            Text = ReadSearch(p.Q, errors),
        };
        var (page, pageSize) = ReadPage(p.Page, p.PageSize, options, errors);
        filter = filter with { Page = page, PageSize = pageSize };
        if (filter.Near is not null && filter.Within is not null)
        {
            errors.Add(new(400, "use either lat/long/radius or bbox, not both"));
        }

        return errors.Count > 0 ? (null, errors) : (filter, errors);
    }

    /// <summary>
    /// The window of start_date and end_date (spec/georeport-v2.md): the last MaxWindowDays days when
    /// neither is given (no window at all when <paramref name="unbounded"/>), MaxWindowDays from the
    /// one given, and never longer than that.
    /// </summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) ReadWindow(string? startText, string? endText, bool unbounded, DateTimeOffset now,
        Open311Options options, List<Open311Error> errors)
    {
        var window = TimeSpan.FromDays(options.MaxWindowDays);
        var start = ReadDate(startText, "start_date", errors);
        var end = ReadDate(endText, "end_date", errors);
        var (from, to) = (start, end) switch
        {
            (null, null) when unbounded => ((DateTimeOffset?)null, (DateTimeOffset?)null),
            (null, null) => (now - window, now),
            ({ } s, null) => (s, s + window),
            (null, { } e) => (e - window, e),
            ({ } s, { } e) => (s, e),
        };
        if (from is not null && to < from)
        {
            errors.Add(new(400, "start_date must be before end_date"));
        }
        else if (to - from > window)
        {
            errors.Add(new(400, $"start_date and end_date may not span more than {options.MaxWindowDays} days"));
        }

        return (from, to);
    }

    /// <summary>The page extension: 1-based page and page_size, at most MaxPageSize (also the default).</summary>
    public static (int Page, int PageSize) ReadPage(string? page, string? pageSize, Open311Options options, List<Open311Error> errors) =>
        ((int)(ReadNumber(page, "page", errors, 1, PageLimits.MaxPage, integer: true) ?? 1),
            (int)(ReadNumber(pageSize, "page_size", errors, 1, options.MaxPageSize, integer: true) ?? options.MaxPageSize));

    private static string[]? List(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } items ? items : null;

    private static long[]? ReadIds(RequestSearchParameters p, List<Open311Error> errors)
    {
        if (List(p.ServiceRequestId) is not { } items)
        {
            return null;
        }

        if (items.Length > MaxIds)
        {
            errors.Add(new(400, $"service_request_id may list at most {MaxIds} ids"));
        }

        // An id that is not a number names no request: it simply matches nothing.
        return [.. items.Select(i => long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0)];
    }

    private static string? ReadSearch(string? text, List<Open311Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var search = text.Trim();
        if (TextSearch.Refusal(search) is { } refusal)
        {
            errors.Add(new(400, $"q {refusal}"));
        }

        return search;
    }

    private static RequestStatus[]? ReadStatuses(RequestSearchParameters p, List<Open311Error> errors)
    {
        if (List(p.Status) is not { } items)
        {
            return null;
        }

        var statuses = new List<RequestStatus>();
        foreach (var item in items)
        {
            if (item.Equals("open", StringComparison.OrdinalIgnoreCase))
            {
                statuses.Add(RequestStatus.Open);
            }
            else if (item.Equals("closed", StringComparison.OrdinalIgnoreCase))
            {
                statuses.Add(RequestStatus.Closed);
            }
            else
            {
                errors.Add(new(400, $"status must be open, closed or both, not '{item}'"));
            }
        }

        return [.. statuses.Distinct()];
    }

    private static DateTimeOffset? ReadDate(string? text, string name, List<Open311Error> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (Iso8601.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(new(400, $"{name} must be an ISO 8601 datetime with a zone offset, e.g. 2026-03-01T09:15:00+02:00"));
        return null;
    }

    private static double? ReadNumber(string? text, string name, List<Open311Error> errors, double min, double max, bool integer = false)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max && (!integer || value == Math.Floor(value)))
        {
            return value;
        }

        errors.Add(new(400, $"{name} must be {(integer ? "a whole number" : "a number")} between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}"));
        return null;
    }

    private static GeoCircle? ReadCircle(RequestSearchParameters p, Open311Options options, List<Open311Error> errors)
    {
        var lat = ReadNumber(p.Lat, "lat", errors, -90, 90);
        var lon = ReadNumber(p.Long, "long", errors, -180, 180);
        var radius = ReadNumber(p.Radius, "radius", errors, 1, options.MaxRadiusMetres);
        var (latGiven, longGiven) = (p.Lat is not null, p.Long is not null);
        if (!latGiven && !longGiven)
        {
            if (radius is not null)
            {
                errors.Add(new(400, "radius needs lat and long"));
            }

            return null;
        }

        if (latGiven != longGiven)
        {
            errors.Add(new(400, "lat and long must be given together"));
        }

        if (lat is null || lon is null)
        {
            return null;
        }

        return new GeoCircle(lat.Value, lon.Value, radius ?? DefaultRadiusMetres);
    }

    private static GeoBox? ReadBox(string? text, List<Open311Error> errors)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',');
        var numbers = parts.Select(part => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN).ToArray();
        if (numbers.Length != 4 || numbers.Any(double.IsNaN)
            || numbers[0] >= numbers[2] || numbers[1] >= numbers[3]
            || numbers[0] < -180 || numbers[2] > 180 || numbers[1] < -90 || numbers[3] > 90)
        {
            errors.Add(new(400, "bbox must be left,bottom,right,top in degrees (WGS84), with left < right and bottom < top"));
            return null;
        }

        return new GeoBox(numbers[0], numbers[1], numbers[2], numbers[3]);
    }
}
