using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Faults;

/// <summary>Keys kept three seconds and cleaned often: the cleaning job deletes them, and an expired key is free for a new call.</summary>
public sealed class IdempotencyExpiryTests(IdempotencyExpiryTests.ShortKeysApp app) : IClassFixture<IdempotencyExpiryTests.ShortKeysApp>
{
    public sealed class ShortKeysApp : Open311App
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Idempotency:KeepFor", "00:00:10"), new("Idempotency:CleanupInterval", "00:00:00.2")];
    }

    [Fact]
    public async Task An_expired_key_is_deleted_by_the_cleaning_job_and_may_then_carry_another_call()
    {
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(key, "Πρώτη αναφορά")).StatusCode);
        Assert.Equal(1, await KeptAsync(key));

        await Eventually.TrueAsync(async () => await KeptAsync(key) == 0);
        var later = await PostAsync(key, "Άλλη αναφορά");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.False(later.Headers.Contains(IdempotencyKeyAccepted.ReplayedHeader));
    }

    private Task<HttpResponseMessage> PostAsync(string key, string description)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = DemoData.ApiKey, ["service_code"] = "005", ["lat"] = "35.3301", ["long"] = "25.1401", ["attribute[size]"] = "large",
                ["description"] = description,
            }),
        };
        message.Headers.Add(IdempotencyKeyAccepted.Header, key);
        return app.CreateClient().SendAsync(message);
    }

    private async Task<int> KeptAsync(string key)
    {
        await using var db = app.Db();
        return await db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM idempotency_keys WHERE key = {key}""").SingleAsync();
    }
}
