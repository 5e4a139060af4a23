namespace Open311.Core.Citizens;

/// <summary>
/// Compares phone numbers as the same number however they were typed. The rule lives in one
/// place, the database function <c>phone_key</c> (migration 0012), which also keys the index
/// that finds a number's requests; this method stands for it in queries.
/// </summary>
public static class PhoneNumbers
{
    /// <summary>Digits only, without a Greek country code: <c>+30 691 234 5678</c> → <c>6912345678</c>. Only inside a query.</summary>
    public static string Key(string? phone) => throw new InvalidOperationException("PhoneNumbers.Key runs in the database, inside a query.");

    /// <summary>
    /// The number as SMS gateways want it (E.164): <c>691 234 5678</c> → <c>+306912345678</c>, <c>0044 7700 900123</c> →
    /// <c>+447700900123</c>. Ten digits are a Greek number, as in <c>phone_key</c>; null when there are no digits to send to.
    /// </summary>
    public static string? International(string? phone)
    {
        var digits = new string([.. (phone ?? "").Where(char.IsAsciiDigit)]);
        digits = digits.StartsWith("00", StringComparison.Ordinal) ? digits[2..] : digits;
        return digits.Length switch
        {
            0 => null,
            10 => $"+30{digits}",
            _ => $"+{digits}",
        };
    }
}
