using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Open311.Api.Hosting;
using Open311.Core.Citizens;
using Open311.Core.Requests;

namespace Open311.Api.Citizens;

/// <summary>
/// /unsubscribe/{token}, the link in every citizen message (<see cref="CitizenLinks.Unsubscribe"/>).
/// GET only shows a button, because mail scanners open links; POST — the button, or a mail
/// client's RFC 8058 one-click <c>List-Unsubscribe=One-Click</c> — stops the messages.
/// </summary>
public static class UnsubscribePages
{
    private static readonly Words Title = new("Διακοπή μηνυμάτων", "Stop messages");
    private static readonly Words Ask = new(
        "Θέλετε να σταματήσουν τα μηνύματα (e-mail και SMS) για το αίτημα {0};",
        "Do you want to stop the messages (e-mail and SMS) about request {0}?");
    private static readonly Words Button = new("Να σταματήσουν", "Stop them");
    private static readonly Words Stopped = new(
        "Δεν θα λάβετε άλλα μηνύματα για το αίτημα {0}. Το αίτημα συνεχίζει να εξετάζεται κανονικά.",
        "You will get no more messages about request {0}. The request is still being handled as usual.");
    private static readonly Words NotFound = new("Ο σύνδεσμος δεν ισχύει", "This link is not valid");
    private static readonly Words NotFoundText = new(
        "Δεν βρέθηκε αίτημα για αυτόν τον σύνδεσμο. Ελέγξτε ότι τον αντιγράψατε ολόκληρο.",
        "No request has this link. Check that you copied all of it.");

    public static void MapUnsubscribePages(this IEndpointRouteBuilder routes, AddressRateLimit rateLimit)
    {
        routes.MapGet("/unsubscribe/{token}", Show)
            .WithName("ShowUnsubscribe")
            .WithSummary("The unsubscribe link: a page with a button")
            .WithDescription("HTML (el/en). Changes nothing, so a mail scanner that opens the link stops nothing. Unknown token: 404 page.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .Produces<string>(StatusCodes.Status404NotFound, "text/html")
            .Produces<string>(StatusCodes.Status429TooManyRequests, "text/plain")
            .LimitedPerAddress(rateLimit);
        routes.MapPost("/unsubscribe/{token}", Stop)
            .WithName("Unsubscribe")
            .WithSummary("Stop every message about the request")
            .WithDescription("The page's button, or RFC 8058 one-click (body List-Unsubscribe=One-Click; any body is accepted). Clears both the e-mail " +
                "and the SMS wish and records it in the request's history for staff (not public). Idempotent: a repeat answers the same and records nothing.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .Produces<string>(StatusCodes.Status404NotFound, "text/html")
            .Produces<string>(StatusCodes.Status429TooManyRequests, "text/plain")
            .LimitedPerAddress(rateLimit);
    }

    public static async Task<IResult> Show(
        [Description("The token in the message's unsubscribe link.")] string token,
        [FromQuery, Description("el or en: the page's language (the page links to the other).")] string? lang,
        HttpContext http, RequestFollowing following, CancellationToken cancellationToken)
    {
        var request = Guid.TryParse(token, out var parsed) ? await following.FindUnsubscribingAsync(parsed, cancellationToken) : null;
        if (request is null)
        {
            return Missing(http, lang);
        }

        var language = PageLanguage.Choose(lang, http.Request, request.Language);
        var number = HtmlPage.Encode(request.ProtocolNumber);
        var here = Here(http);
        var body = request.StillMessaged
            ? $"<p>{string.Format(null, HtmlPage.Encode(Ask.In(language)), number)}</p>\n" +
              $"<form method=\"post\" action=\"{HtmlPage.Encode(HtmlPage.WithLanguage(here, language))}\"><button type=\"submit\">{Button.In(language)}</button></form>\n"
            : $"<p>{string.Format(null, HtmlPage.Encode(Stopped.In(language)), number)}</p>\n";
        return HtmlPage.Render(http, StatusCodes.Status200OK, language, Title.In(language), $"<h1>{Title.In(language)}</h1>\n{body}", here);
    }

    public static async Task<IResult> Stop(
        [Description("The token in the message's unsubscribe link.")] string token,
        [FromQuery, Description("el or en: the answer page's language.")] string? lang,
        HttpContext http, RequestLifecycle lifecycle, RequestFollowing following, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(token, out var parsed) || await lifecycle.StopMessagesAsync(parsed, cancellationToken) == StopOutcome.NotFound)
        {
            return Missing(http, lang);
        }

        var request = await following.FindUnsubscribingAsync(parsed, cancellationToken);
        var language = PageLanguage.Choose(lang, http.Request, request!.Language);
        var body = $"<h1>{Title.In(language)}</h1>\n<p>{string.Format(null, HtmlPage.Encode(Stopped.In(language)), HtmlPage.Encode(request.ProtocolNumber))}</p>\n";
        return HtmlPage.Render(http, StatusCodes.Status200OK, language, Title.In(language), body, Here(http));
    }

    private static string Here(HttpContext http) => $"{http.Request.PathBase}{http.Request.Path}";

    private static IResult Missing(HttpContext http, string? lang)
    {
        var language = PageLanguage.Choose(lang, http.Request, fallback: null);
        return HtmlPage.Render(http, StatusCodes.Status404NotFound, language, NotFound.In(language),
            $"<h1>{NotFound.In(language)}</h1>\n<p>{NotFoundText.In(language)}</p>\n", Here(http));
    }
}
