using System.Net.Http.Headers;

namespace Open311.Core.Catalog;

/// <summary>
/// The one rule deciding the language of an answer, for Open311 clients and staff alike: the
/// <c>locale</c> asked for when the jurisdiction has that language enabled, else the enabled
/// language the caller's Accept-Language ranks highest, else the jurisdiction's default. Never an
/// error: an unknown or disabled language simply falls through to the next step.
/// </summary>
public static class LanguageRule
{
    public static LanguageChoice Choose(Jurisdiction jurisdiction, string? locale, string? acceptLanguage) =>
        new(Pick(jurisdiction.Languages, locale, acceptLanguage) ?? jurisdiction.DefaultLocale, jurisdiction.DefaultLocale);

    /// <summary>The same rule over any set of languages (the citizens' pages have their own); null when neither step finds one.</summary>
    public static string? Pick(IReadOnlyCollection<string> offered, string? locale, string? acceptLanguage) =>
        Offered(offered, locale) ?? BestAccepted(offered, acceptLanguage);

    private static string? BestAccepted(IReadOnlyCollection<string> offered, string? acceptLanguage) =>
        // Most apps send none: then there is nothing to parse or rank.
        string.IsNullOrWhiteSpace(acceptLanguage) ? null : acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => StringWithQualityHeaderValue.TryParse(item, out var parsed) ? parsed : null)
            .Where(language => language is not null && language.Quality is not 0) // q=0 means "not this one"
            .OrderByDescending(language => language!.Quality ?? 1) // stable: equal weights keep the caller's order
            .Select(language => Offered(offered, language!.Value))
            .FirstOrDefault(language => language is not null);

    /// <summary>The primary subtag of <paramref name="tag"/> (<c>en-GB</c>, <c>en_GB</c> → <c>en</c>) when it is offered.</summary>
    private static string? Offered(IReadOnlyCollection<string> offered, string? tag) =>
        tag?.Split('-', '_')[0].ToLowerInvariant() is { } primary && offered.Contains(primary) ? primary : null;
}
