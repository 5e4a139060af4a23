using System.ComponentModel;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Open311.Api.GeoReport;
using Open311.Api.Hosting;
using Open311.Core;
using Open311.Core.Catalog;
using Open311.Core.Citizens;
using Open311.Core.Requests;

namespace Open311.Api.Citizens;

/// <summary>GET /follow/{year}/{number}?code=…: the page every citizen message links to (<see cref="CitizenLinks.Follow"/>).</summary>
public static class FollowPage
{
    private static readonly Words Request = new("Αίτημα", "Request");
    private static readonly Words Category = new("Κατηγορία", "Category");
    private static readonly Words PrivateCategory = new("Αίτημα προς τον δήμο", "Request to the municipality");
    private static readonly Words State = new("Κατάσταση", "Status");
    private static readonly Words Open = new("ανοιχτό", "open");
    private static readonly Words Closed = new("κλειστό", "closed");
    private static readonly Words Requested = new("Υποβλήθηκε", "Submitted");
    private static readonly Words Updated = new("Τελευταία ενημέρωση", "Last updated");
    private static readonly Words Expected = new("Αναμένεται έως", "Expected by");
    private static readonly Words History = new("Ιστορικό", "History");
    private static readonly Words NoPersonalData = new(
        "Η σελίδα δεν δείχνει στοιχεία επικοινωνίας ούτε την περιγραφή σας. Μην κοινοποιείτε τον σύνδεσμο: ο κωδικός του ανοίγει το αίτημα.",
        "This page shows no contact details and not your description. Keep the link private: its code opens the request.");
    private static readonly Words NotFound = new("Δεν βρέθηκε αίτημα", "Request not found");
    private static readonly Words NotFoundText = new(
        "Δεν βρέθηκε αίτημα με αυτόν τον αριθμό πρωτοκόλλου και κωδικό. Ελέγξτε τον σύνδεσμο του μηνύματος που λάβατε.",
        "No request has that protocol number and code. Check the link in the message you received.");

    public static RouteHandlerBuilder MapFollowPage(this IEndpointRouteBuilder routes, AddressRateLimit rateLimit) =>
        routes.MapGet("/follow/{year}/{number}", Show)
            .WithName("FollowRequest")
            .WithSummary("A citizen follows their request")
            .WithDescription("Server-rendered HTML in Greek or English (lang, else Accept-Language, else the request's language): protocol number, category " +
                "(a generic label for a private one), state, public notes and dates. No personal data and not the description. A wrong code answers " +
                "exactly like an unknown number (404), and a client address may open only Citizens:PageViewsPerMinute pages a minute (429).")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .Produces<string>(StatusCodes.Status404NotFound, "text/html")
            .Produces<string>(StatusCodes.Status429TooManyRequests, "text/plain")
            .LimitedPerAddress(rateLimit);

    public static async Task<IResult> Show(
        [Description("The year part of the protocol number (2026 in 2026/004217).")] string year,
        [Description("The number part of the protocol number (004217 in 2026/004217).")] string number,
        [FromQuery, Description("The follow code from the message, e.g. K7M2P9QX4T (case, hyphens and spaces do not matter).")] string? code,
        [FromQuery, Description("el or en: the page's language (the page links to the other).")] string? lang,
        HttpContext http, RequestFollowing following, CancellationToken cancellationToken)
    {
        var view = await following.FindAsync($"{year}/{number}", code, cancellationToken);
        var here = $"{http.Request.PathBase}{http.Request.Path}?code={Uri.EscapeDataString(code ?? "")}";
        if (view is null)
        {
            var asked = PageLanguage.Choose(lang, http.Request, fallback: null);
            return HtmlPage.Render(http, StatusCodes.Status404NotFound, asked, NotFound.In(asked),
                $"<h1>{NotFound.In(asked)}</h1>\n<p>{NotFoundText.In(asked)}</p>\n", here);
        }

        var language = PageLanguage.Choose(lang, http.Request, view.Language);
        var title = $"{Request.In(language)} {view.ProtocolNumber}";
        return HtmlPage.Render(http, StatusCodes.Status200OK, language, title, Body(view, title, language), here);
    }

    private static string Body(FollowView view, string title, string language)
    {
        var texts = new LanguageChoice(language, view.Jurisdiction.Jurisdiction.DefaultLocale);
        var zone = view.Jurisdiction.Zone;
        var status = (view.Status == RequestStatus.Closed ? Closed : Open).In(language);
        var html = new StringBuilder()
            .Append("<h1>").Append(HtmlPage.Encode(title)).Append("</h1>\n")
            .Append("<p>").Append(HtmlPage.Encode(view.Jurisdiction.Jurisdiction.Name.In(texts))).Append("</p>\n<dl>\n");
        Row(html, Category.In(language), HtmlPage.Encode(view.Category?.In(texts) ?? PrivateCategory.In(language)));
        Row(html, State.In(language), $"{HtmlPage.Encode(view.State.In(texts))} <span class=\"status\">{status}</span>");
        Row(html, Requested.In(language), Time(view.RequestedAt, zone));
        Row(html, Updated.In(language), Time(view.UpdatedAt, zone));
        if (view.ExpectedAt is { } expected)
        {
            Row(html, Expected.In(language), Time(expected, zone));
        }

        html.Append("</dl>\n<h2>").Append(History.In(language)).Append("</h2>\n<ol>\n");
        foreach (var note in view.Notes)
        {
            html.Append("<li>").Append(Time(note.OccurredAt, zone)).Append(' ')
                .Append(HtmlPage.Encode(PublicNote.Summarize(note.Kind, note.Note, note.StateAfter, texts))).Append("</li>\n");
        }

        return html.Append("</ol>\n<footer><p>").Append(NoPersonalData.In(language)).Append("</p></footer>\n").ToString();
    }

    private static void Row(StringBuilder html, string term, string markup) =>
        html.Append("<dt>").Append(term).Append("</dt><dd>").Append(markup).Append("</dd>\n");

    /// <summary>In the jurisdiction's zone, as people there read a date (1/12/2026 14:05); the machine-readable instant beside it.</summary>
    private static string Time(DateTimeOffset value, TimeZoneInfo zone) =>
        $"<time datetime=\"{Iso8601.Format(value, zone)}\">{TimeZoneInfo.ConvertTime(value, zone).ToString("d/M/yyyy HH:mm", CultureInfo.InvariantCulture)}</time>";
}
