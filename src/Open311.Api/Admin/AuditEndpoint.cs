using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Api.Admin;

/// <summary>The audit trail of everything but requests' own history: who changed or looked at what, before and after.</summary>
public static class AuditEndpoint
{
    public sealed record AuditEntry(long Id, DateTimeOffset OccurredAt, string Actor, string Entity, string EntityId, string Action, JsonElement? Before, JsonElement? After);

    public static void MapAudit(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/audit", List)
            .WithName("ListAudit")
            .WithSummary("The audit trail, newest first")
            .WithDescription("Filters: entity (jurisdiction, department, service, service_attribute, attribute_value, workflow, workflow_state, workflow_transition, area, routing_rule, staff, client, delivery, request), entity_id, page (100 a page). A request's own changes are in its history.")
            .RequireAuthorization(AuthRegistration.Policies.Admin);

    public static async Task<IResult> List(ClaimsPrincipal user, Open311Db db, string? entity, string? entity_id, int? page, CancellationToken cancellationToken)
    {
        const int pageSize = 100;
        if (page is < 1 or > PageLimits.MaxPage)
        {
            return Problems.BadRequest($"page must be from 1 to {PageLimits.MaxPage}");
        }

        var events = db.AuditEvents.AsNoTracking().Where(e => e.JurisdictionId == user.Actor().JurisdictionId);
        if (entity is { Length: > 0 })
        {
            events = events.Where(e => e.Entity == entity);
        }

        if (entity_id is { Length: > 0 })
        {
            events = events.Where(e => e.EntityId == entity_id);
        }

        var rows = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(((page ?? 1) - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(e => new AuditEntry(e.Id, e.OccurredAt, e.Actor, e.Entity, e.EntityId, e.Action, Json(e.Before), Json(e.After))).ToList());
    }

    private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
}
