using System.Security.Cryptography;
using System.Text;

namespace Open311.Core.Citizens;

/// <summary>
/// The code that, with its protocol number, opens a request's public page: ten characters of
/// Crockford's base32 (50 random bits; no I, L, O or U to misread), short enough to read out on
/// the phone, too many to guess with the attempts a rate limit leaves.
/// </summary>
public static class FollowCodes
{
    public const int Length = 10;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>
    /// Whether <paramref name="given"/> is the code, read as Crockford reads it (any case, hyphens and
    /// spaces ignored, O as 0, I and L as 1), compared in constant time so timing cannot spell it out.
    /// </summary>
    public static bool Matches(string stored, string? given)
    {
        if (given is null || given.Length > 4 * Length)
        {
            return false;
        }

        var read = new StringBuilder(Length);
        foreach (var c in given.ToUpperInvariant())
        {
            switch (c)
            {
                case '-' or ' ':
                    break;
                case 'O':
                    read.Append('0');
                    break;
                case 'I' or 'L':
                    read.Append('1');
                    break;
                default:
                    read.Append(c);
                    break;
            }
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(read.ToString()));
    }
}
