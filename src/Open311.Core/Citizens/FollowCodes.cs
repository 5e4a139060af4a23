using System.Security.Cryptography;

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
}
