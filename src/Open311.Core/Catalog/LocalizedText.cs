using System.Text.Json;

namespace Open311.Core.Catalog;

/// <summary>
/// A text in the languages a jurisdiction serves, keyed by language code (<c>el</c>, <c>en</c>,
/// <c>de</c>…). Stored as one jsonb map per text column (<c>{"el":"…","en":"…"}</c>): a new
/// language is data, not a schema change, and a row's texts stay on its row, so the catalogue
/// cache and every projection read them with the row and no join. Blank texts are not kept, so
/// "has a text in this language" and "is in the map" mean the same thing.
/// </summary>
public sealed record LocalizedText
{
    public static readonly LocalizedText Empty = new(new Dictionary<string, string>());

    private readonly SortedDictionary<string, string> _texts;

    public LocalizedText(IEnumerable<KeyValuePair<string, string>> texts) =>
        _texts = new(texts.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value), StringComparer.Ordinal);

    /// <summary>The texts given, by language; blank ones are dropped.</summary>
    public static LocalizedText Of(params (string Language, string? Text)[] texts) =>
        new(texts.Select(t => KeyValuePair.Create(t.Language, t.Text ?? "")));

    /// <summary>The non-blank texts, by language code.</summary>
    public IReadOnlyDictionary<string, string> Texts => _texts;

    /// <summary>The text in exactly this language, or "" when there is none.</summary>
    public string this[string language] => _texts.GetValueOrDefault(language, "");

    /// <summary>The text in the chosen language, else in the jurisdiction's default, else in any language it has; "" when it has none.</summary>
    public string In(LanguageChoice language) =>
        _texts.GetValueOrDefault(language.Chosen) ?? _texts.GetValueOrDefault(language.Default) ?? _texts.Values.FirstOrDefault() ?? "";

    public string ToJson() => JsonSerializer.Serialize(_texts);

    public static LocalizedText FromJson(string json) => new(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []);

    public bool Equals(LocalizedText? other) => other is not null && _texts.Count == other._texts.Count && !_texts.Except(other._texts).Any();

    public override int GetHashCode() => _texts.Aggregate(0, (hash, text) => HashCode.Combine(hash, text.Key, text.Value));
}
