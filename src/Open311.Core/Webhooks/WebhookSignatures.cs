using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Open311.Core.Webhooks;

/// <summary>Secrets and signatures as the Standard Webhooks specification writes them.</summary>
public static class WebhookSignatures
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new signing key: <c>whsec_</c> and the base64 of 32 random bytes (the specification asks for 24 to 64).</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// The <c>webhook-signature</c> header: one <c>v1,{base64 HMAC-SHA256}</c> over <c>{id}.{timestamp}.{body}</c> per secret,
    /// space-separated, so a receiver holding either secret during a rotation can verify.
    /// </summary>
    public static string Header(IEnumerable<string> secrets, string id, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}");
        return string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), signed))));
    }

    private static byte[] KeyOf(string secret) => Convert.FromBase64String(secret[SecretPrefix.Length..]);
}
