using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;

namespace Open311.Core.Data.Configurations;

internal static class LocalizedTextMapping
{
    private static readonly ValueComparer<LocalizedText> Comparer = new((a, b) => Equals(a, b), text => text.GetHashCode(), text => text);

    /// <summary>Most catalogue texts a process keeps parsed; past that, texts are parsed on every read.</summary>
    private const int MaxParsedTexts = 20_000;

    // A list of a thousand requests carries the same few category and department names on every row:
    // parsing each distinct stored map once, rather than once per row, keeps lists as cheap as plain
    // text columns were. LocalizedText is immutable, so one instance can serve every row and caller.
    private static readonly ConcurrentDictionary<string, LocalizedText> Parsed = new(StringComparer.Ordinal);

    private static LocalizedText Parse(string json) =>
        Parsed.TryGetValue(json, out var text) ? text
        : Parsed.Count < MaxParsedTexts ? Parsed.GetOrAdd(json, LocalizedText.FromJson)
        : LocalizedText.FromJson(json);

    /// <summary>Maps a text in any number of languages to one jsonb column holding <c>{"el":"…","en":"…"}</c> (see <see cref="LocalizedText"/>).</summary>
    public static void HasLocalizedText<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, LocalizedText>> text)
        where T : class => builder.Property(text)
            .HasColumnType("jsonb")
            .HasConversion(t => t.ToJson(), json => Parse(json), Comparer)
            .IsRequired();
}
