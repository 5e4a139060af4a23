using Npgsql;

namespace Open311.Tests.Fuzz;

/// <summary>
/// Every table's rows as stored, down to each row's last writing transaction (<c>xmin</c>), so that even an
/// update that changed nothing shows. Two snapshots compare equal only when nothing was written.
/// </summary>
public static class StoredState
{
    /// <summary>Counters every call may move (rate limits, sign-in attempts) and the migrations list: not data a call changes.</summary>
    private static readonly string[] Excluded = ["rate_limit_windows", "sign_in_failures", "schema_migrations"];

    /// <summary>What a read may write: a staff export of contact data is recorded, on purpose, in the audit trail.</summary>
    private const string AuditOfReads = "action = 'exported_contact'";

    public static async Task<Dictionary<string, string>> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var state = new Dictionary<string, string>();
        foreach (var table in tables.Except(Excluded))
        {
            var filter = table == "audit_events" ? $"WHERE NOT ({AuditOfReads})" : "";
            await using var rows = new NpgsqlCommand(
                $"SELECT count(*) || ' rows, ' || coalesce(md5(string_agg(t.xmin::text || ' ' || t::text, E'\\n' ORDER BY t::text)), '-') FROM \"{table}\" t {filter}",
                connection);
            state[table] = (string)(await rows.ExecuteScalarAsync())!;
        }

        return state;
    }

    /// <summary>The tables whose rows differ, with their counts before and after.</summary>
    public static string Differences(Dictionary<string, string> before, Dictionary<string, string> after) =>
        string.Join("; ", before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t}: {before.GetValueOrDefault(t, "absent")} -> {after.GetValueOrDefault(t, "absent")}"));
}
