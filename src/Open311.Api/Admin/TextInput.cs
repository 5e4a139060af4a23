using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Data;

namespace Open311.Api.Admin;

/// <summary>
/// A text as the admin API takes it, in two forms that may be mixed: the original pair of fields
/// (<c>name_el</c>, <c>name_en</c>), kept for existing clients, and a map for any language the
/// jurisdiction enables (<c>names: {"de": "…"}</c>). Where both give a language they must agree.
/// Views answer with both forms, so a view sent back unchanged is valid input.
/// </summary>
public static class TextInput
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>The text given by the pair and the map together.</summary>
    public static LocalizedText Read(string el, string en, IReadOnlyDictionary<string, string>? texts)
    {
        var all = new Dictionary<string, string>(texts ?? None);
        foreach (var (language, text) in Pair(el, en).Where(p => !string.IsNullOrWhiteSpace(p.Text)))
        {
            all[language] = text;
        }

        return new(all);
    }

    /// <summary>Why the text given for <paramref name="field"/> may not be stored, each message naming the field.</summary>
    public static IEnumerable<string> Problems(Jurisdiction jurisdiction, string field, string el, string en, IReadOnlyDictionary<string, string>? texts,
        bool required)
    {
        foreach (var (language, text) in Pair(el, en))
        {
            if (!string.IsNullOrWhiteSpace(text) && (texts ?? None).TryGetValue(language, out var other) && !string.IsNullOrWhiteSpace(other) && other != text)
            {
                yield return $"{field}_{language} and {field}s.{language} differ: send one of them";
            }
        }

        foreach (var problem in TextRules.Problems(jurisdiction, Read(el, en, texts), required))
        {
            yield return $"{field}: {problem}";
        }
    }

    /// <summary>The jurisdiction whose languages the texts are checked against.</summary>
    public static Task<Jurisdiction> JurisdictionAsync(Open311Db db, string jurisdictionId, CancellationToken cancellationToken) =>
        db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Id == jurisdictionId, cancellationToken);

    /// <summary>A view's texts in the map form.</summary>
    public static Dictionary<string, string> Map(LocalizedText text) => new(text.Texts);

    private static (string Language, string Text)[] Pair(string el, string en) => [("el", el), ("en", en)];
}
