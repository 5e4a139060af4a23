using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Open311.Core.Catalog;
using Open311.Core.Citizens;
using Open311.Core.Messaging;
using Open311.Core.Requests;

namespace Open311.Api.Citizens;

/// <summary>
/// POST /sms/inbound: the SMS gateway hands over a citizen's reply. A stop keyword stops SMS
/// about every request of the jurisdiction from that number. The number is personal data: it
/// is compared, never logged or answered.
/// </summary>
public static class SmsInboundEndpoint
{
    public const string SecretHeader = "X-Inbound-Secret";

    // Gateways name the fields differently: ours, Vonage's (msisdn) and Twilio's (From, Body) all work.
    private static readonly string[] SenderFields = ["from", "msisdn", "sender", "phone"];
    private static readonly string[] TextFields = ["text", "body", "message"];

    /// <summary>A reply as the gateway sends it, form-encoded or JSON.</summary>
    public sealed record InboundSms(
        [property: Description("The sender's number, in any usual spelling (+30 69…, 0030 69…, 69…); also read as msisdn, sender or phone.")] string From,
        [property: Description("What the citizen wrote; also read as body or message.")] string Text,
        [property: Description("The municipality the gateway number belongs to; may be left out when the service serves one.")] string? JurisdictionId = null,
        [property: Description("The shared secret, for gateways that cannot set the X-Inbound-Secret header.")] string? Secret = null);

    /// <summary>What became of the reply.</summary>
    public sealed record InboundAnswer(
        [property: Description("Whether the text was a stop keyword (Sms:StopKeywords).")] bool Stop,
        [property: Description("How many requests stopped sending SMS because of it: 0 when none still did.")] int StoppedRequests);

    public static void MapSmsInbound(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/sms/inbound", Receive)
            .WithName("ReceiveSms")
            .WithSummary("The SMS gateway's inbound callback")
            .WithDescription("Form-encoded or JSON. Authenticated by the shared secret Sms:InboundSecret (header X-Inbound-Secret or field secret; 401 " +
                "when missing or wrong; 404 when the service has none configured). A text that is a stop keyword (Sms:StopKeywords, any case or " +
                "accents) stops SMS about every request of the jurisdiction from that number; any other text is acknowledged and ignored.")
            .Accepts<InboundSms>("application/json", "application/x-www-form-urlencoded")
            .Produces<InboundAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> Receive(
        [FromHeader(Name = SecretHeader), Description("The shared secret Sms:InboundSecret.")] string? secret,
        HttpRequest request, IOptions<SmsOptions> options, JurisdictionDirectory jurisdictions, RequestLifecycle lifecycle,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (options.Value.InboundSecret is not { Length: > 0 } expected)
        {
            return Results.NotFound();
        }

        var fields = await ReadAsync(request, cancellationToken);
        if (!SameSecret(secret ?? fields?.GetValueOrDefault("secret"), expected))
        {
            return Results.Problem(detail: $"the {SecretHeader} header (or secret field) is missing or wrong", statusCode: StatusCodes.Status401Unauthorized);
        }

        var from = First(fields, SenderFields);
        var text = First(fields, TextFields);
        if (from is null || text is null)
        {
            return Results.Problem(detail: "the body must be a form or a JSON object with the sender (from) and the text (text)", statusCode: StatusCodes.Status400BadRequest);
        }

        var (jurisdiction, refusal) = await JurisdictionAsync(fields!.GetValueOrDefault("jurisdiction_id"), jurisdictions, cancellationToken);
        if (jurisdiction is null)
        {
            return refusal!;
        }

        if (!StopKeywords.Matches(text, options.Value.Keywords))
        {
            return TypedResults.Ok(new InboundAnswer(false, 0));
        }

        var stopped = await lifecycle.StopSmsAsync(jurisdiction.Id, from, cancellationToken);
        loggers.CreateLogger(typeof(SmsInboundEndpoint)).LogInformation("An SMS stop reply in {Jurisdiction} stopped SMS about {Count} requests", jurisdiction.Id, stopped);
        return TypedResults.Ok(new InboundAnswer(true, stopped));
    }

    /// <summary>Form or JSON fields by lower-case name; null when the body is neither (or not an object).</summary>
    private static async Task<Dictionary<string, string>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return form.ToDictionary(f => f.Key.ToLowerInvariant(), f => f.Value.ToString());
        }

        if (request.HasJsonContentType())
        {
            try
            {
                using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                return json.RootElement.ValueKind == JsonValueKind.Object
                    ? json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                        .GroupBy(p => p.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().Value.ToString())
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }

    private static string? First(Dictionary<string, string>? fields, string[] names) =>
        names.Select(n => fields?.GetValueOrDefault(n)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Compared as hashes, in constant time: neither the secret's characters nor its length show in the timing.</summary>
    private static bool SameSecret(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static async Task<(JurisdictionInfo?, IResult?)> JurisdictionAsync(string? id, JurisdictionDirectory jurisdictions, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            return await jurisdictions.FindAsync(id.ToLowerInvariant(), cancellationToken) is { } found
                ? (found, null)
                : (null, Results.Problem(detail: $"jurisdiction_id {id} not found", statusCode: StatusCodes.Status404NotFound));
        }

        var all = await jurisdictions.AllAsync(cancellationToken);
        return all.Count == 1
            ? (all.First(), null)
            : (null, Results.Problem(detail: "jurisdiction_id is required: this server serves several jurisdictions", statusCode: StatusCodes.Status400BadRequest));
    }
}
