using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Open311.Core;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Api.Admin;

/// <summary>For management: how many requests, how many still open or overdue, and how long closing takes.</summary>
public static class StatisticsEndpoint
{
    public sealed record StatisticsReport(string GroupBy, DateTimeOffset From, DateTimeOffset To, List<RequestStatistics.Row> Rows);

    public sealed record StatisticsQuery
    {
        [FromQuery(Name = "group_by"), Description("department (default), category, channel or state.")]
        public string? GroupBy { get; init; }

        [FromQuery(Name = "from"), Description("Earliest request time, ISO 8601 with offset; default 30 days ago.")]
        public string? From { get; init; }

        [FromQuery(Name = "to"), Description("Latest request time, ISO 8601 with offset; default now.")]
        public string? To { get; init; }
    }

    private static readonly string[] Groupings = ["department", "category", "channel", "state"];

    public static void MapStatistics(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/statistics", Get)
            .WithName("GetStatistics")
            .WithSummary("Request volumes, backlog and median hours to close")
            .WithDescription("Names in the caller's language: locale, else Accept-Language, among the jurisdiction's languages, else its default.")
            .Produces<StatisticsReport>()
            .ProducesValidationProblem();

    public static async Task<IResult> Get([AsParameters] StatisticsQuery query, ClaimsPrincipal user, Open311Db db, StaffLanguage language, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        var groupBy = query.GroupBy ?? "department";
        if (!Groupings.Contains(groupBy))
        {
            errors.Add(("group_by", $"one of {string.Join(", ", Groupings)}"));
        }

        var now = clock.GetUtcNow();
        var (start, end) = (now.AddDays(-30), now);
        if (query.From is { } from && !Iso8601.TryParse(from, out start))
        {
            errors.Add(("from", "must be an ISO 8601 datetime with a zone offset"));
        }

        if (query.To is { } to && !Iso8601.TryParse(to, out end))
        {
            errors.Add(("to", "must be an ISO 8601 datetime with a zone offset"));
        }

        if (end <= start)
        {
            errors.Add(("to", "must be after from"));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var actor = user.Actor();
        var rows = await RequestStatistics.ByAsync(db, actor.JurisdictionId, groupBy, await language.ForAsync(actor, cancellationToken), start, end, now,
            cancellationToken);
        return TypedResults.Ok(new StatisticsReport(groupBy, start, end, rows));
    }
}
