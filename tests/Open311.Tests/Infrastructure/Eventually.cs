namespace Open311.Tests.Infrastructure;

/// <summary>Waits for what happens after a call returns (the outbox delivering, say), failing the test if it never does.</summary>
public static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static Task TrueAsync(Func<bool> condition) => TrueAsync(() => Task.FromResult(condition()));

    public static async Task TrueAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the outbox did not get there in time");
            await Task.Delay(50);
        }
    }
}
