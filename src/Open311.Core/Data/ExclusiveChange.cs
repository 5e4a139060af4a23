using Microsoft.EntityFrameworkCore;

namespace Open311.Core.Data;

/// <summary>
/// Two admins saving one object whose children a save replaces (a category's attributes, a workflow's
/// states and transitions) would interleave their deletes and inserts: a deadlock, a unique violation,
/// or, worse, a stored mix of both bodies (one's name with the other's list). Taking the object's row lock
/// first, in the transaction its save then uses, queues such saves: each reads what the one before it
/// stored and replaces it whole.
/// </summary>
public static class ExclusiveChange
{
    /// <summary>
    /// Begins the transaction (or joins the caller's, <see cref="JoinedTransaction"/>) and locks the row of <typeparamref name="TEntity"/> with this key (if it exists) until it
    /// ends; load the object after this call. FOR NO KEY UPDATE leaves foreign-key checks alone, so intake that
    /// refers to the row is not held up.
    /// </summary>
    public static async Task<JoinedTransaction> BeginExclusiveChangeAsync<TEntity>(this Open311Db db, object key, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var keyColumn = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
        var transaction = await JoinedTransaction.BeginOrJoinAsync(db.Database, cancellationToken);
        // Table and column names come from the model, not from input; the key is a parameter.
        var sql = "SELECT 1 FROM " + entity.GetTableName() + " WHERE " + keyColumn + " = {0} FOR NO KEY UPDATE";
        await db.Database.ExecuteSqlRawAsync(sql, [key], cancellationToken);
        return transaction;
    }
}
