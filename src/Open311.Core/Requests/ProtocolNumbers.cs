using Microsoft.EntityFrameworkCore;
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
        var number = await db.Database.SqlQuery<int>($"""
            INSERT INTO protocol_counters AS c (jurisdiction_id, year, last_number) VALUES ({jurisdictionId}, {year}, 1)
            ON CONFLICT (jurisdiction_id, year) DO UPDATE SET last_number = c.last_number + 1
            RETURNING c.last_number AS "Value"
            """).ToListAsync(cancellationToken);
        return Format(year, number[0]);
    }

    public static string Format(int year, int number) => $"{year}/{number:D6}";
}
