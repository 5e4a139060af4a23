using Open311.Core;
using Open311.Core.Catalog;

namespace Open311.Api.Admin;

/// <summary>
/// Texts as the admin API takes them, in two forms that may be mixed: the original pair of fields
/// (<c>name_el</c>, <c>name_en</c>), kept for existing clients, and a map for any language the
/// jurisdiction enables (<c>names: {"de": "…"}</c>). Where both give a language they must agree;
/// a reader collects the disagreements of all the texts it reads. Whether the languages are
/// enabled is Core's rule (<see cref="TextRules"/>). Views answer with both forms, so a view sent
/// back unchanged is valid input.
/// </summary>
public sealed class TextInput
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Texts whose two forms disagree, under the key and with the prefix they were read with.</summary>
    public List<FieldError> Conflicts { get; } = [];

    /// <summary>The text given by the pair and the map together.</summary>
    public LocalizedText Read(string key, string field, string el, string en, IReadOnlyDictionary<string, string>? texts, string prefix = "")
    {
        var all = new Dictionary<string, string>(texts ?? None);
        foreach (var (language, text) in new[] { ("el", el), ("en", en) }.Where(p => !string.IsNullOrWhiteSpace(p.Item2)))
        {
            if (all.TryGetValue(language, out var other) && !string.IsNullOrWhiteSpace(other) && other != text)
            {
                Conflicts.Add(new(key, $"{prefix}{field}_{language} and {field}s.{language} differ: send one of them"));
            }

            all[language] = text;
        }

        return new(all);
    }

    /// <summary>A view's texts in the map form.</summary>
    public static Dictionary<string, string> Map(LocalizedText text) => new(text.Texts);
}
