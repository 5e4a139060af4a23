using System.Net;
using System.Net.Http.Json;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

public class LoginRateLimitTests(LoginRateLimitTests.StrictLogin app) : IClassFixture<LoginRateLimitTests.StrictLogin>
{
    public sealed class StrictLogin : Open311App
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Auth:LoginAttemptsPerMinute", "3")];
    }

    [Fact]
    public async Task PasswordGuessing_IsCutOffAfterTheLimit()
    {
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            last = await client.PostAsJsonAsync("/admin/auth/token", new { username = "admin", password = $"guess-{attempt}" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.InRange(last.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }
}
