using System.Globalization;
using System.Text;

namespace Open311.Core.Citizens;

/// <summary>
/// Whether an SMS reply asks to stop: the whole text is one of the keywords, whatever its case
/// and accents ("stop", "Στοπ", "διακοπή" all count), surrounding spaces and punctuation ignored.
/// A longer text is a message for staff, not a request to stop.
/// </summary>
public static class StopKeywords
{
    public static bool Matches(string text, IEnumerable<string> keywords)
    {
        var reply = Fold(text);
        return reply.Length > 0 && keywords.Any(k => Fold(k) == reply);
    }

    private static string Fold(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Trim('.', '!', '"', '\'').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c);
            }
        }

        return plain.ToString().ToUpperInvariant().Trim();
    }
}
