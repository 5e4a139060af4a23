using System.Net;
using System.Net.Http.Json;
using Open311.Api.Hosting;
using Open311.Core.Staff;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Admin;

/// <summary>Staff passwords after NIST SP 800-63B-4: length and a common list, no composition rules; lockout per account.</summary>
public class PasswordAndLockoutTests(Open311App app) : IClassFixture<Open311App>
{
    private static object Account(string username, string password) =>
        new { username, display_name = "Δοκιμή", role = "viewer", password };

    [Theory]
    [InlineData("aaaaaaaaaa")]              // ten characters were enough before
    [InlineData("aaaaaaaaaaaaaaaaaaaa")]    // long, and one key held down
    [InlineData("abcabcabcabcabcabc")]
    [InlineData("1qaz2wsx3edc4rfv")]        // on the shipped common list
    [InlineData("password2026!!!!!")]       // a common password with digits and marks appended
    [InlineData("m.kritikou-2026-heraklion")] // the username inside it
    public async Task WeakPasswords_AreRefused(string password)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");

        var problem = AdminClient.AssertProblem(await admin.PostAsync("/admin/staff", Account("m.kritikou", password)), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Theory]
    [InlineData("thalassa kai vouna sto vradi")] // a passphrase: lower case, spaces, nothing else
    [InlineData("ΚνωσόςΦαιστόςΖάκρος")]         // Greek letters count one each, and need no digit or mark
    public async Task LongUncommonPasswords_AreAccepted_WithoutCompositionRules(string password)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var username = $"p{Guid.NewGuid():N}"[..12];

        var (created, _) = await admin.PostAsync("/admin/staff", Account(username, password));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var signedIn = await app.CreateClient().PostAsJsonAsync("/admin/auth/token", new { username, password });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task RepeatedFailures_LockTheAccount_EvenForTheRightPassword_WithRetryAfter()
    {
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= SignInLockout.FreeFailures; attempt++)
        {
            statuses.Add((await client.PostAsJsonAsync("/admin/auth/token", new { username = "viewer", password = $"guess-{attempt}" })).StatusCode);
        }

        var right = await client.PostAsJsonAsync("/admin/auth/token", new { username = "viewer", password = DemoStaff.Password });

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, SignInLockout.FreeFailures), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal("application/problem+json", right.Content.Headers.ContentType?.MediaType);
        var retryAfter = right.Headers.RetryAfter?.Delta;
        Assert.InRange(retryAfter!.Value, TimeSpan.FromSeconds(1), SignInLockout.FirstLock);
        // Another account is not affected.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/admin/auth/token", new { username = "lighting", password = DemoStaff.Password })).StatusCode);
    }

    [Fact]
    public async Task AnUnknownName_LocksLikeARealOne()
    {
        var client = app.CreateClient();
        HttpResponseMessage last = null!;
        for (var attempt = 0; attempt <= SignInLockout.FreeFailures; attempt++)
        {
            last = await client.PostAsJsonAsync("/admin/auth/token", new { username = "no.such.person", password = "guess" });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData(5, null)]
    [InlineData(6, 30)]
    [InlineData(7, 60)]
    [InlineData(9, 240)]
    [InlineData(40, 3600)]
    public void Backoff_DoublesUpToAnHour(int failures, int? seconds) =>
        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, SignInLockout.LockFor(failures));
}
