using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Clients;

/// <summary>
/// Client apps' API keys. Keys are 32 random bytes, so a plain SHA-256 is enough to store them:
/// nothing short enough to guess is ever hashed.
/// </summary>
public static class ApiKeys
{
    private const int PrefixLength = 8;

    /// <summary>Compiled, since every submission runs it: no expression tree is built, hashed and looked up per call.</summary>
    private static readonly Func<Open311Db, string, CancellationToken, Task<ApiClient?>> ActiveClientByHash = EF.CompileAsyncQuery(
        (Open311Db db, string hash, CancellationToken _) => db.ApiClients.AsNoTracking().FirstOrDefault(c => c.KeyHash == hash && c.RevokedAt == null));

    /// <summary>A new key and the client row that stores its hash; the key itself is shown once.</summary>
    public static (string Key, ApiClient Client) Issue(string jurisdictionId, string name, DateTimeOffset now)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (key, Register(jurisdictionId, name, key, now));
    }

    /// <summary>A client row for a key chosen elsewhere (the demo data's documented key).</summary>
    public static ApiClient Register(string jurisdictionId, string name, string key, DateTimeOffset now) => new()
    {
        JurisdictionId = jurisdictionId, Name = name, KeyHash = Hash(key), KeyPrefix = key[..Math.Min(PrefixLength, key.Length)], CreatedAt = now,
    };

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The active client holding this key, if any.</summary>
    public static Task<ApiClient?> FindClientAsync(this Open311Db db, string key, CancellationToken cancellationToken) =>
        ActiveClientByHash(db, Hash(key), cancellationToken);
}
