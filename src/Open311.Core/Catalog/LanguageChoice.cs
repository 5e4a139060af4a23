namespace Open311.Core.Catalog;

/// <summary>The language a caller is answered in, and the jurisdiction's default for texts missing in it.</summary>
public sealed record LanguageChoice(string Chosen, string Default);
