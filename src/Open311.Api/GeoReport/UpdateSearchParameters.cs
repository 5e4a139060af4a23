using System.Reflection;

namespace Open311.Api.GeoReport;

/// <summary>The filters of GET servicerequestupdates, as sent.</summary>
public sealed record UpdateSearchParameters : IBindableFromHttpContext<UpdateSearchParameters>
{
    [Wire("start_date", "Earliest updated_datetime (ISO 8601 with offset). With end_date, at most {MaxWindowDays} days apart; neither: the last {MaxWindowDays} days.", Type = WireType.DateTime)]
    public string? StartDate { get; init; }

    [Wire("end_date", "Latest updated_datetime (ISO 8601 with offset).", Type = WireType.DateTime)]
    public string? EndDate { get; init; }

    [Wire("page", "Extension: 1-based page number, at most {MaxPage}. Link headers point to the next and previous pages.", Type = WireType.Integer)]
    public string? Page { get; init; }

    [Wire("page_size", "Extension: updates per page, 1 to {MaxPageSize} (default {MaxPageSize}).", Type = WireType.Integer)]
    public string? PageSize { get; init; }

    public static ValueTask<UpdateSearchParameters?> BindAsync(HttpContext context, ParameterInfo parameter) => WireBinding.BindAsync<UpdateSearchParameters>(context);
}
