using Open311.Core.Data;

namespace Open311.Core.Requests;

/// <summary>
/// Issues protocol numbers like <c>2026/004217</c>: per jurisdiction and year, gap-free.
/// The counter row stays locked until the caller's transaction ends, so a rolled-back
/// submission gives its number back and concurrent ones queue for the next.
/// </summary>
public static class ProtocolNumbers
{
    public static async Task<string> NextAsync(Open311Db db, string jurisdictionId, int year, CancellationToken cancellationToken)
    {
        await using var command = UnitOfWorkCommand.Create(db, """
            INSERT INTO protocol_counters AS c (jurisdiction_id, year, last_number) VALUES ($1, $2, 1)
            ON CONFLICT (jurisdiction_id, year) DO UPDATE SET last_number = c.last_number + 1
            RETURNING c.last_number
            """, jurisdictionId, year);
        var number = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return Format(year, number);
    }

    public static string Format(int year, int number) => $"{year}/{number:D6}";
}
