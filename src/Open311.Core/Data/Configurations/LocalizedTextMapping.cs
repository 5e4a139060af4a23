using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Core.Catalog;

namespace Open311.Core.Data.Configurations;

internal static class LocalizedTextMapping
{
    /// <summary>Maps a bilingual text to the two columns <c>{name}_el</c> and <c>{name}_en</c>.</summary>
    public static void HasLocalizedText<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, LocalizedText?>> text)
        where T : class => builder.ComplexProperty(text, complex =>
        {
            complex.Property(t => t.El).IsRequired();
            complex.Property(t => t.En).IsRequired();
        });
}
