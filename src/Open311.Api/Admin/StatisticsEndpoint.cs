using System.Security.Claims;
using Open311.Core;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Api.Admin;

/// <summary>For management: how many requests, how many still open or overdue, and how long closing takes.</summary>
public static class StatisticsEndpoint
{
    private static readonly string[] Groupings = ["department", "category", "channel", "state"];

    public static void MapStatistics(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/statistics", Get)
            .WithName("GetStatistics")
            .WithSummary("Request volumes, backlog and median hours to close")
            .WithDescription("group_by: department (default), category, channel or state. from/to: ISO 8601 with offset on the request time; default the last 30 days. Names in the caller's language: locale, else Accept-Language, among the jurisdiction's languages, else its default.")
            .ProducesValidationProblem();

    public static async Task<IResult> Get(ClaimsPrincipal user, Open311Db db, StaffLanguage language, TimeProvider clock, string? group_by, string? from, string? to,
        CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        var groupBy = group_by ?? "department";
        if (!Groupings.Contains(groupBy))
        {
            errors.Add(("group_by", $"one of {string.Join(", ", Groupings)}"));
        }

        var now = clock.GetUtcNow();
        var (start, end) = (now.AddDays(-30), now);
        if (from is not null && !Iso8601.TryParse(from, out start))
        {
            errors.Add(("from", "must be an ISO 8601 datetime with a zone offset"));
        }

        if (to is not null && !Iso8601.TryParse(to, out end))
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
        return TypedResults.Ok(new { group_by = groupBy, from = start, to = end, rows });
    }
}
