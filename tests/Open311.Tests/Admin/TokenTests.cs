using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

/// <summary>Bearer tokens from the built-in login (HS256) and from a municipality's identity provider (RS256).</summary>
public class TokenTests(TokenTests.WithIdentityProvider app) : IClassFixture<TokenTests.WithIdentityProvider>
{
    private static readonly RSA IdentityProviderKey = RSA.Create(2048);

    public sealed class WithIdentityProvider : Open311App
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Auth:RsaPublicKeys:0", IdentityProviderKey.ExportSubjectPublicKeyInfoPem())];
    }

    private static string Token(SigningCredentials credentials, Dictionary<string, object> claims, DateTime? expires = null, string audience = "open311-admin",
        EncryptingCredentials? encryption = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "open311",
            Audience = audience,
            IssuedAt = (expires ?? now.AddHours(1)).AddHours(-2),
            NotBefore = (expires ?? now.AddHours(1)).AddHours(-2),
            Expires = expires ?? now.AddHours(1),
            Claims = claims,
            SigningCredentials = credentials,
            EncryptingCredentials = encryption,
        });
    }

    private static Dictionary<string, object> Dispatcher(long staffId) => new()
    {
        ["sub"] = "idp-user-42", ["staff_id"] = staffId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["role"] = "dispatcher", ["jurisdiction"] = "heraklion.gr",
    };

    private static SigningCredentials Rs256 => new(new RsaSecurityKey(IdentityProviderKey), SecurityAlgorithms.RsaSha256);

    private static SigningCredentials Hs256(string secret) => new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256);

    private async Task<HttpStatusCode> StatusWithAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/requests");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await app.CreateClient().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task IdentityProviderToken_RS256_IsAccepted()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(Token(Rs256, Dispatcher(2))));
    }

    [Fact]
    public async Task BuiltInSecretToken_HS256_IsAccepted()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(Token(Hs256(Open311App.SigningKey), Dispatcher(2))));
    }

    [Fact]
    public async Task ExpiredWrongKeyWrongAudienceOrIncompleteTokens_Return401()
    {
        var otherKey = new RsaSecurityKey(RSA.Create(2048));
        var noRole = Dispatcher(2);
        noRole.Remove("role");
        var staffWithoutDepartment = Dispatcher(2);
        staffWithoutDepartment["role"] = "staff";

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(Token(Rs256, Dispatcher(2), expires: DateTime.UtcNow.AddMinutes(-10))));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(Token(new SigningCredentials(otherKey, SecurityAlgorithms.RsaSha256), Dispatcher(2))));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(Token(Hs256("some-other-secret-0123456789-0123456789"), Dispatcher(2))));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(Token(Rs256, Dispatcher(2), audience: "someone-else")));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(Token(Rs256, noRole)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(Token(Rs256, staffWithoutDepartment)));
    }

    [Fact]
    public async Task UnsignedToken_Returns401()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(json);
        var unsigned = $"{Part("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Part("{\"iss\":\"open311\",\"aud\":\"open311-admin\",\"staff_id\":\"1\",\"role\":\"admin\",\"jurisdiction\":\"heraklion.gr\",\"exp\":4102444800}")}.";

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(unsigned));
    }

    [Fact]
    public async Task EncryptedToken_JWE_Returns401()
    {
        // The service holds no decryption key and must refuse encrypted tokens rather than try to open them.
        var sharedSecret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Open311App.SigningKey[..32]));
        var encrypted = Token(Rs256, Dispatcher(2), encryption: new EncryptingCredentials(sharedSecret, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes128CbcHmacSha256));

        Assert.Equal(5, encrypted.Split('.').Length);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(encrypted));
    }
}
