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
}
