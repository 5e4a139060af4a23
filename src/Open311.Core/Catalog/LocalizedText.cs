namespace Open311.Core.Catalog;

/// <summary>A text kept in Greek and English; each jurisdiction serves both.</summary>
/// <remarks>
/// A class rather than a record on purpose: AutoMapper 8 (the version the registry has) fails on
/// .NET 10 when a projected type implements a generic interface such as a record's IEquatable&lt;T&gt;.
/// </remarks>
public sealed class LocalizedText(string el, string en)
{
    public static readonly string[] SupportedLocales = ["el", "en"];

    public static readonly LocalizedText Empty = new("", "");

    public string El { get; } = el;

    public string En { get; } = en;

    /// <summary>The text in <paramref name="locale"/>, falling back to the other language when that one is blank.</summary>
    public string In(string locale)
    {
        var preferred = locale == "en" ? En : El;
        return string.IsNullOrWhiteSpace(preferred) ? (locale == "en" ? El : En) : preferred;
    }
}
