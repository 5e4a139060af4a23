using System.ComponentModel;
using System.Security.Claims;
using Open311.Api.Auth;
using Open311.Core.Notifications;

namespace Open311.Api.Admin;

/// <summary>
/// The wording of citizens' e-mail and SMS, per kind, channel and language: the built-in default
/// until an administrator writes the jurisdiction's own, checked when saved.
/// </summary>
public static class MessageTemplatesEndpoints
{
    public sealed record TemplateInput(string Body, string? Subject = null);

    private const string Kind = "recorded, updated or closed.";
    private const string Channel = "email or sms.";
    private const string Language = "One of the jurisdiction's enabled languages, e.g. el.";

    public static void MapMessageTemplates(this IEndpointRouteBuilder routes)
    {
        var templates = routes.MapGroup("/message-templates").RequireAuthorization(AuthRegistration.Policies.Admin);
        templates.MapGet("", List).WithName("ListMessageTemplates")
            .WithSummary("Every citizen message template as messages are now written: kind × channel × enabled language, and whether it is the default")
            .Produces<List<MessageTemplates.Entry>>()
            .WithDescription("Placeholders: {protocol_number}, {service}, {state}, {note}, {follow_url}, {unsubscribe_url}, {date}, {municipality}, {stop}.");
        var one = templates.MapGroup("/{kind}/{channel}/{language}");
        one.MapPut("", Set).WithName("SetMessageTemplate")
            .WithSummary("Word one template the jurisdiction's way")
            .WithDescription("E-mail needs a subject and {follow_url} and {unsubscribe_url} in the body; SMS has no subject, needs {follow_url} and {stop}, " +
                "and must fit Sms:MaxSegments with the longest values the jurisdiction could put in it (the note is cut to fit when sent).")
            .Produces<MessageTemplates.Entry>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        one.MapDelete("", Reset).WithName("ResetMessageTemplate").WithSummary("Back to the built-in default; answers the default")
            .Produces<MessageTemplates.Entry>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> List(ClaimsPrincipal user, MessageTemplates templates, CancellationToken cancellationToken) =>
        TypedResults.Ok(await templates.ListAsync(user.Actor().JurisdictionId, cancellationToken));

    public static async Task<IResult> Set([Description(Kind)] string kind, [Description(Channel)] string channel, [Description(Language)] string language,
        TemplateInput input, ClaimsPrincipal user, MessageTemplates templates, CancellationToken cancellationToken) =>
        Problems.From(await templates.SetAsync(user.Actor(), kind, channel, language, input.Subject, input.Body, cancellationToken), TypedResults.Ok);

    public static async Task<IResult> Reset([Description(Kind)] string kind, [Description(Channel)] string channel, [Description(Language)] string language,
        ClaimsPrincipal user, MessageTemplates templates, CancellationToken cancellationToken) =>
        Problems.From(await templates.ResetAsync(user.Actor(), kind, channel, language, cancellationToken), TypedResults.Ok);
}
