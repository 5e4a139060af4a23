using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;

namespace Open311.Core.Data.Configurations;

internal static class LocalizedTextMapping
{
    private static readonly ValueComparer<LocalizedText> Comparer = new((a, b) => Equals(a, b), text => text.GetHashCode(), text => text);

    /// <summary>Maps a text in any number of languages to one jsonb column holding <c>{"el":"…","en":"…"}</c> (see <see cref="LocalizedText"/>).</summary>
    public static void HasLocalizedText<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, LocalizedText>> text)
        where T : class => builder.Property(text)
            .HasColumnType("jsonb")
            .HasConversion(t => t.ToJson(), json => LocalizedText.FromJson(json), Comparer)
            .IsRequired();
}
