using Microsoft.EntityFrameworkCore;

namespace Open311.Core.Catalog;

/// <summary>What a text set through the admin API must satisfy in its jurisdiction.</summary>
public static class TextRules
{
    /// <summary>
    /// Why <paramref name="text"/> may not be stored, if it may not: a language the jurisdiction
    /// has not enabled, or, for a required text, nothing in its default language (the fallback
    /// every other language relies on).
    /// </summary>
    public static IEnumerable<string> Problems(Jurisdiction jurisdiction, LocalizedText text, bool required)
    {
        foreach (var language in text.Texts.Keys.Where(l => !jurisdiction.Languages.Contains(l)))
        {
            yield return $"language '{language}' is not enabled for {jurisdiction.Id} (enabled: {string.Join(", ", jurisdiction.Languages)})";
        }

        if (required && text[jurisdiction.DefaultLocale].Length == 0)
        {
            yield return $"a text in the default language '{jurisdiction.DefaultLocale}' is required";
        }
    }

    /// <summary>Adds the problems of one text to <paramref name="errors"/> under <paramref name="key"/>, each message naming the field.</summary>
    public static void Check(this List<FieldError> errors, Jurisdiction jurisdiction, string key, string field, LocalizedText text, bool required,
        string prefix = "") =>
        errors.AddRange(Problems(jurisdiction, text, required).Select(problem => new FieldError(key, $"{prefix}{field}: {problem}")));

    /// <summary>The jurisdiction whose languages the texts are checked against.</summary>
    public static Task<Jurisdiction> JurisdictionAsync(this Data.Open311Db db, string jurisdictionId, CancellationToken cancellationToken) =>
        db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Id == jurisdictionId, cancellationToken);
}
