namespace Open311.Api.Citizens;

/// <summary>What a citizen's page says while the service cannot reach its database: come back in a moment, in their language.</summary>
public static class UnavailablePage
{
    private static readonly Words Title = new("Προσωρινά μη διαθέσιμο", "Temporarily unavailable");
    private static readonly Words Text = new(
        "Η υπηρεσία δεν μπορεί να απαντήσει αυτή τη στιγμή. Δοκιμάστε ξανά σε λίγο· ο σύνδεσμός σας εξακολουθεί να ισχύει.",
        "The service cannot answer right now. Please try again in a moment; your link still works.");

    /// <summary>The HTML pages citizens open from their messages (<see cref="FollowPage"/>, <see cref="UnsubscribePages"/>).</summary>
    public static bool Covers(PathString path) => path.StartsWithSegments("/follow") || path.StartsWithSegments("/unsubscribe");

    public static Task WriteAsync(HttpContext http)
    {
        var language = PageLanguage.Choose(http.Request.Query["lang"], http.Request, fallback: null);
        var here = $"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}";
        return HtmlPage.Render(http, StatusCodes.Status503ServiceUnavailable, language, Title.In(language),
            $"<h1>{Title.In(language)}</h1>\n<p>{Text.In(language)}</p>\n", here).ExecuteAsync(http);
    }
}
