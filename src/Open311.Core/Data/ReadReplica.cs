using Npgsql;

namespace Open311.Core.Data;

/// <summary>
/// Where <see cref="Open311ReadDb"/> reads: the connection string of the reads (one hot standby,
/// or several hosts with <c>Target Session Attributes=prefer-standby</c> so that Npgsql picks a
/// standby and falls back to the primary when none answers), or, without one, the primary's own
/// data source. A standby's sessions are made read-only on the server too
/// (<c>default_transaction_read_only</c>), so a read that lands on the primary still writes nothing.
/// </summary>
public sealed class ReadReplica : IAsyncDisposable
{
    public const string DefaultApplicationName = "open311-reads";

    private ReadReplica(NpgsqlDataSource dataSource, bool mayLag) => (DataSource, MayLag) = (dataSource, mayLag);

    public NpgsqlDataSource DataSource { get; }

    /// <summary>True when the reads have a source of their own, which may be behind the primary.</summary>
    public bool MayLag { get; }

    public static ReadReplica For(string? connectionString, NpgsqlDataSource primary) =>
        connectionString is { Length: > 0 } given ? new(Open311Database.CreateDataSource(ReadOnly(given), DefaultApplicationName), mayLag: true) : new(primary, mayLag: false);

    private static string ReadOnly(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c default_transaction_read_only=on".Trim();
        builder.ApplicationName ??= DefaultApplicationName;
        return builder.ConnectionString;
    }

    /// <summary>Disposes the reads' own data source; the primary's belongs to the container.</summary>
    public ValueTask DisposeAsync() => MayLag ? DataSource.DisposeAsync() : ValueTask.CompletedTask;
}
