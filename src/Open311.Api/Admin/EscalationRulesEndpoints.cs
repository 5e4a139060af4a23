using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core.Data;
using Open311.Core.Escalation;
using Open311.Core.Requests;

namespace Open311.Api.Admin;

/// <summary>
/// The jurisdiction's escalation rules: at <c>at_percent</c> of a clock's target (<c>response</c> or
/// <c>resolution</c>; 100 when it passes), alert the department's head and/or the supervisors, and
/// perhaps raise the priority. Staff read them; administrators change them.
/// </summary>
public static class EscalationRulesEndpoints
{
    public sealed record RuleInput(EscalationClock Clock, int AtPercent, bool AlertHead = false, bool AlertSupervisors = false, RequestPriority? RaisePriorityTo = null);

    public sealed record RuleView(long Id, EscalationClock Clock, int AtPercent, bool AlertHead, bool AlertSupervisors, RequestPriority? RaisePriorityTo);

    public static void MapEscalationRules(this IEndpointRouteBuilder routes)
    {
        var rules = routes.MapGroup("/escalation-rules");
        rules.MapGet("", List).WithName("ListEscalationRules").WithSummary("Escalation rules, by clock and share of the target");
        rules.MapPost("", Create).WithName("CreateEscalationRule").WithSummary("Add an escalation rule").Produces<RuleView>(StatusCodes.Status201Created)
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        rules.MapPut("/{id:long}", Update).WithName("UpdateEscalationRule").WithSummary("Change an escalation rule").Produces<RuleView>()
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        rules.MapDelete("/{id:long}", Delete).WithName("DeleteEscalationRule").WithSummary("Delete an escalation rule").Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(AuthRegistration.Policies.Admin);
    }

    public static async Task<Ok<List<RuleView>>> List(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.EscalationRules.AsNoTracking()
            .Where(r => r.JurisdictionId == user.Actor().JurisdictionId)
            .OrderBy(r => r.Clock).ThenBy(r => r.AtPercent)
            .Select(r => View(r))
            .ToListAsync(cancellationToken));

    public static async Task<IResult> Create(RuleInput input, ClaimsPrincipal user, EscalationRuleAdministration rules, CancellationToken cancellationToken) =>
        Problems.From(await rules.CreateAsync(user.Actor(), Draft(input), cancellationToken),
            rule => TypedResults.Created($"{AdminApi.BasePath}/escalation-rules/{rule.Id}", View(rule)));

    public static async Task<IResult> Update(long id, RuleInput input, ClaimsPrincipal user, EscalationRuleAdministration rules, CancellationToken cancellationToken) =>
        Problems.From(await rules.UpdateAsync(user.Actor(), id, Draft(input), cancellationToken), rule => TypedResults.Ok(View(rule)));

    public static async Task<IResult> Delete(long id, ClaimsPrincipal user, EscalationRuleAdministration rules, CancellationToken cancellationToken) =>
        Problems.From(await rules.DeleteAsync(user.Actor(), id, cancellationToken), _ => TypedResults.NoContent());

    private static EscalationRuleAdministration.RuleDraft Draft(RuleInput input) =>
        new(input.Clock, input.AtPercent, input.AlertHead, input.AlertSupervisors, input.RaisePriorityTo);

    private static RuleView View(EscalationRule r) => new(r.Id, r.Clock, r.AtPercent, r.AlertHead, r.AlertSupervisors, r.RaisePriorityTo);
}
