using System.Globalization;
using System.Reflection;

namespace Open311.Core.Staff;

/// <summary>
/// What a staff password must be, after NIST SP 800-63B-4 §3.1.1.2: long enough for a single-factor
/// secret, not common or derived from a common one, not the account's own name, and nothing else
/// (no composition rules, which make people write <c>Password1!</c>). Length counts Unicode characters.
/// </summary>
public static class PasswordRule
{
    public const int MinLength = 15;

    /// <summary>Long enough for a passphrase; the cap only keeps one hash from costing more than it should.</summary>
    public const int MaxLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>Why <paramref name="password"/> may not be used, or null when it may.</summary>
    public static string? Refusal(string password, string? username)
    {
        var length = new StringInfo(password).LengthInTextElements;
        if (length < MinLength)
        {
            return $"at least {MinLength} characters";
        }

        if (length > MaxLength)
        {
            return $"at most {MaxLength} characters";
        }

        var lower = password.ToLowerInvariant();
        // "password2026!!!!!" is "password" to a guesser: the common list is checked with what people append taken off.
        if (Common.Value.Contains(lower) || Common.Value.Contains(lower.TrimEnd("0123456789!@#$%^&*()-_=+.?~ ".ToCharArray())))
        {
            return "a common password: choose another (a few unrelated words make a good one)";
        }

        if (IsRepetition(lower))
        {
            return "a repeated pattern: choose another";
        }

        return !string.IsNullOrWhiteSpace(username) && lower.Contains(username.ToLowerInvariant(), StringComparison.Ordinal)
            ? "must not contain the username"
            : null;
    }

    /// <summary><c>aaaaaaaaaaaaaaa</c>, <c>abcabcabcabcabc</c>, <c>sunshinesunshine</c>: one unit said again and again.</summary>
    private static bool IsRepetition(string password)
    {
        for (var unit = 1; unit <= password.Length / 2; unit++)
        {
            if (password.Length % unit == 0 && string.Concat(Enumerable.Repeat(password[..unit], password.Length / unit)) == password)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Open311.Core.Staff.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var common = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            common.Add(line);
        }

        return common;
    }
}
