using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Staff;
using Open311.Core.Statistics;

namespace Open311.Api.Admin;

/// <summary>
/// For management (and the dashboard): figures per group, a time series and the headline, each over
/// the requests the caller may see. The queries are Core's (<c>Core/Statistics</c>); this binds and formats.
/// </summary>
public static class StatisticsEndpoints
{
    public sealed record StatisticsReport(string GroupBy, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<StatisticsRow> Rows, GroupFigures Totals);

    public sealed record SeriesReport(string Interval, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SeriesPoint> Points);

    public sealed record StatisticsQuery
    {
        [FromQuery(Name = "group_by"), Description("department (default), category, channel, area or assignee.")]
        public string? GroupBy { get; init; }

        [FromQuery(Name = "from"), Description("Start of the period (inclusive), ISO 8601 with offset; default 30 days ago.")]
        public string? From { get; init; }

        [FromQuery(Name = "to"), Description("End of the period (exclusive), ISO 8601 with offset; default now.")]
        public string? To { get; init; }
    }

    public sealed record SeriesQuery
    {
        [FromQuery(Name = "interval"), Description("day (default), week (from Monday) or month, in the jurisdiction's time zone.")]
        public string? Interval { get; init; }

        [FromQuery(Name = "from"), Description("Start of the period (inclusive), ISO 8601 with offset; default 30 days ago.")]
        public string? From { get; init; }

        [FromQuery(Name = "to"), Description("End of the period (exclusive), ISO 8601 with offset; default now.")]
        public string? To { get; init; }
    }

    private const string LanguageNote = "Labels in the caller's language: locale, else Accept-Language, among the jurisdiction's languages, else its default.";

    public static void MapStatistics(this IEndpointRouteBuilder routes)
    {
        var statistics = routes.MapGroup("/statistics");
        statistics.MapGet("", Get)
            .WithName("GetStatistics")
            .WithSummary("Received, resolved, backlog, reopened, duplicates, share within target, response and resolution times, per group")
            .WithDescription($"Over the requests the caller may see (a staff account: its department's). {LanguageNote}")
            .Produces<StatisticsReport>()
            .ProducesValidationProblem();
        statistics.MapGet("/series", Series)
            .WithName("GetStatisticsSeries")
            .WithSummary("Received, resolved and backlog per day, week or month, empty periods included")
            .Produces<SeriesReport>()
            .ProducesValidationProblem();
        statistics.MapGet("/summary", Summary)
            .WithName("GetStatisticsSummary")
            .WithSummary("Now: open, overdue, received today, median time to close this month")
            .Produces<StatisticsSummary>();
        statistics.MapStatisticsExport();
    }

    /// <summary>The grouping and period of a statistics call, or the field errors; shared with the CSV export of the same figures.</summary>
    internal static (StatisticsGrouping? Grouping, DateTimeOffset From, DateTimeOffset To, List<(string, string)> Errors) Parse(StatisticsQuery query,
        DateTimeOffset now)
    {
        var errors = new List<(string, string)>();
        var grouping = StatisticsGrouping.Named(query.GroupBy is { Length: > 0 } name ? name : StatisticsGrouping.Department.Name);
        if (grouping is null)
        {
            errors.Add(("group_by", $"one of {string.Join(", ", StatisticsGrouping.All.Select(g => g.Name))}"));
        }

        var (from, to) = StatisticsPeriod.Parse(query.From, query.To, now, errors);
        return (grouping, from, to, errors);
    }

    public static async Task<IResult> Get([AsParameters] StatisticsQuery query, ClaimsPrincipal user, Open311ReadDb db, StaffLanguage language,
        JurisdictionDirectory jurisdictions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (grouping, from, to, errors) = Parse(query, clock.GetUtcNow());
        if (grouping is null || errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var actor = user.Actor();
        var zone = (await JurisdictionOf(jurisdictions, actor, cancellationToken)).Zone;
        var figures = await GroupStatistics.ByAsync(db, actor, grouping, await language.ForAsync(actor, cancellationToken), from, to, cancellationToken);
        return TypedResults.Ok(new StatisticsReport(grouping.Name, TimeZoneInfo.ConvertTime(from, zone), TimeZoneInfo.ConvertTime(to, zone), figures.Rows,
            figures.Totals));
    }

    public static async Task<IResult> Series([AsParameters] SeriesQuery query, ClaimsPrincipal user, Open311ReadDb db, JurisdictionDirectory jurisdictions,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        var interval = query.Interval is { Length: > 0 } value ? value : "day";
        if (!StatisticsInterval.All.Contains(interval))
        {
            errors.Add(("interval", $"one of {string.Join(", ", StatisticsInterval.All)}"));
        }

        var (from, to) = StatisticsPeriod.Parse(query.From, query.To, clock.GetUtcNow(), errors);
        if (errors.Count == 0 && StatisticsInterval.ApproximatePoints(interval, from, to) > StatisticsInterval.MaxPoints)
        {
            errors.Add(("to", $"at most {StatisticsInterval.MaxPoints} periods: a longer interval or a shorter period"));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var actor = user.Actor();
        var jurisdiction = await JurisdictionOf(jurisdictions, actor, cancellationToken);
        var points = await StatisticsSeries.OfAsync(db, actor, jurisdiction, interval, from, to, cancellationToken);
        return TypedResults.Ok(new SeriesReport(interval, TimeZoneInfo.ConvertTime(from, jurisdiction.Zone), TimeZoneInfo.ConvertTime(to, jurisdiction.Zone),
            points));
    }

    public static async Task<IResult> Summary(ClaimsPrincipal user, Open311ReadDb db, JurisdictionDirectory jurisdictions, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        return TypedResults.Ok(await StatisticsSummary.NowAsync(db, actor, await JurisdictionOf(jurisdictions, actor, cancellationToken), clock.GetUtcNow(),
            cancellationToken));
    }

    private static async ValueTask<JurisdictionInfo> JurisdictionOf(JurisdictionDirectory jurisdictions, StaffActor actor, CancellationToken cancellationToken) =>
        await jurisdictions.FindAsync(actor.JurisdictionId, cancellationToken)
            ?? throw new InvalidOperationException($"the token names jurisdiction {actor.JurisdictionId}, which does not exist");
}
