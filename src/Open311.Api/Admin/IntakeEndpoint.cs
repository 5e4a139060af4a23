using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using Open311.Api.Auth;
using Open311.Core;
using Open311.Core.Requests;

namespace Open311.Api.Admin;

/// <summary>
/// Phone and counter intake: a dispatcher records a request for a caller. Same validation,
/// routing and protocol number as an Open311 submission; the protocol number is read back to the caller.
/// </summary>
public static class IntakeEndpoint
{
    public sealed record Caller(string? FirstName = null, string? LastName = null, string? Phone = null, string? Email = null);

    public sealed record IntakeInput(
        string ServiceCode,
        Channel Channel,
        Caller? Caller = null,
        double? Lat = null,
        double? Long = null,
        string? Address = null,
        string? AddressId = null,
        string? Zipcode = null,
        string? Description = null,
        bool NotifySms = false,
        bool NotifyEmail = false,
        [property: Description("The language to write to the caller in, one the jurisdiction enables; default: the jurisdiction's.")] string? Language = null,
        string? ReceivedAt = null,
        Dictionary<string, JsonElement>? Attributes = null,
        [property: Description("How urgent the caller's problem is (it may choose a stricter service level); default: normal.")] RequestPriority? Priority = null);

    public static void MapIntake(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/requests", Record)
            .WithName("RecordRequest")
            .WithSummary("Record a request taken by phone, at the counter or by e-mail")
            .WithDescription("received_at is when the call came in (ISO 8601 with offset), e.g. a message left on the answering machine after hours. " +
                "Attributes: {\"code\": \"value\"} or {\"code\": [\"v1\", \"v2\"]} for a multivaluelist.")
            .RequireAuthorization(AuthRegistration.Policies.Intake)
            .Produces<StaffRequestDetail>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> Record(IntakeInput input, ClaimsPrincipal user, RequestLifecycle intake, RequestDetails details,
        CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var errors = new List<(string, string)>();
        if (input.Channel == Channel.Open311)
        {
            errors.Add(("channel", "phone, counter or email: open311 is for client apps"));
        }

        DateTimeOffset? receivedAt = null;
        if (input.ReceivedAt is { } text)
        {
            if (Iso8601.TryParse(text, out var parsed))
            {
                receivedAt = parsed;
            }
            else
            {
                errors.Add(("received_at", "must be an ISO 8601 datetime with a zone offset"));
            }
        }

        var attributes = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (code, value) in input.Attributes ?? [])
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                attributes[code] = [value.GetString()!];
            }
            else if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
            {
                attributes[code] = [.. value.EnumerateArray().Select(v => v.GetString()!)];
            }
            else
            {
                errors.Add(($"attributes.{code}", "a string, or an array of strings for a multivaluelist"));
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var result = await intake.SubmitAsync(new NewRequest
        {
            JurisdictionId = actor.JurisdictionId,
            ServiceCode = input.ServiceCode ?? "",
            Lat = input.Lat,
            Long = input.Long,
            Address = input.Address,
            AddressId = input.AddressId,
            Zipcode = input.Zipcode,
            Description = input.Description,
            Attributes = attributes,
            Contact = new RequesterContact
            {
                FirstName = input.Caller?.FirstName, LastName = input.Caller?.LastName, Phone = input.Caller?.Phone, Email = input.Caller?.Email,
            },
            Channel = input.Channel,
            ReceivedAt = receivedAt,
            NotifySms = input.NotifySms,
            NotifyEmail = input.NotifyEmail,
            Language = input.Language,
            Priority = input.Priority,
            IncludePrivateServices = true,
            Actor = actor.Name,
        }, cancellationToken);
        if (result.Request is not { } stored)
        {
            return result.Errors.Any(e => e.NotFound)
                ? Problems.NotFound(result.Errors.First(e => e.NotFound).Description)
                : Problems.Invalid(result.Errors.Select(e => (e.Field ?? "request", e.Description)));
        }

        var detail = await details.ForAsync(actor, stored.Id, cancellationToken);
        return TypedResults.Created($"{AdminApi.BasePath}/requests/{stored.Id}", detail);
    }
}
