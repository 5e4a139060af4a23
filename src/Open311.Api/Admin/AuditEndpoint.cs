using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Api.Admin;

/// <summary>The audit trail of everything but requests' own history: who changed or looked at what, before and after.</summary>
public static class AuditEndpoint
{
    public sealed record AuditEntry(long Id, DateTimeOffset OccurredAt, string Actor, string Entity, string EntityId, string Action, JsonElement? Before, JsonElement? After);

    public const int PageSize = 100;

    public sealed record AuditQuery
    {
        [FromQuery(Name = "entity"), Description("What was changed or looked at: jurisdiction, department, service, service_attribute, attribute_value, workflow, workflow_state, workflow_transition, area, routing_rule, staff, client, delivery, working_hours, calendar_day or request.")]
        public string? Entity { get; init; }

        [FromQuery(Name = "entity_id"), Description("Its id.")]
        public string? EntityId { get; init; }

        [FromQuery(Name = "page"), Description("1-based page number, at most {MaxPage}; {AuditPageSize} events a page.")]
        public int? Page { get; init; }
    }

    public static void MapAudit(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/audit", List)
            .WithName("ListAudit")
            .WithSummary("The audit trail, newest first")
            .WithDescription("A request's own changes are in its history.")
            .RequireAuthorization(AuthRegistration.Policies.Admin)
            .Produces<List<AuditEntry>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

    public static async Task<IResult> List([AsParameters] AuditQuery query, ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken)
    {
        if (query.Page is < 1 or > PageLimits.MaxPage)
        {
            return Problems.BadRequest($"page must be from 1 to {PageLimits.MaxPage}");
        }

        var events = db.AuditEvents.AsNoTracking().Where(e => e.JurisdictionId == user.Actor().JurisdictionId);
        if (query.Entity is { Length: > 0 } entity)
        {
            events = events.Where(e => e.Entity == entity);
        }

        if (query.EntityId is { Length: > 0 } entityId)
        {
            events = events.Where(e => e.EntityId == entityId);
        }

        var rows = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(((query.Page ?? 1) - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(e => new AuditEntry(e.Id, e.OccurredAt, e.Actor, e.Entity, e.EntityId, e.Action, Json(e.Before), Json(e.After))).ToList());
    }

    private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
}
