using Open311.Core.Catalog;

namespace Open311.Api.Citizens;

/// <summary>The language of a citizen's page: <c>?lang=</c>, else the browser's Accept-Language, else the request's own.</summary>
public static class PageLanguage
{
    public const string Greek = "el";
    public const string English = "en";

    /// <summary>The languages the pages are written in; category and state names follow the jurisdiction's texts.</summary>
    public static readonly string[] Offered = [Greek, English];

    /// <param name="lang">The page's <c>lang</c> query parameter.</param>
    /// <param name="request">Whose Accept-Language is asked next.</param>
    /// <param name="fallback">The request's language; null where naming it would tell whether the request exists (a not-found page).</param>
    public static string Choose(string? lang, HttpRequest request, string? fallback) =>
        LanguageRule.Pick(Offered, lang, request.Headers.AcceptLanguage)
        ?? (fallback is not null && Offered.Contains(fallback) ? fallback : Greek);

    public static string Other(string language) => language == Greek ? English : Greek;
}
