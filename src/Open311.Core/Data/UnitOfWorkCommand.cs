using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Open311.Core.Data;

/// <summary>
/// A statement sent straight through Npgsql on the unit of work's own connection, in its transaction: for the
/// statements every submission runs around its save (reserved ids, the protocol counter), which EF's SqlQuery would
/// translate, look up in its cache and materialise on each call (bench/README.md). Its parameters are positional
/// (<c>$1</c>, <c>$2</c>), so Npgsql sends the text as it is and prepares it once per connection.
/// </summary>
public static class UnitOfWorkCommand
{
    public static NpgsqlCommand Create(Open311Db db, string sql, params ReadOnlySpan<object> parameters)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("A unit-of-work command runs inside the unit of work's transaction.");
        var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
