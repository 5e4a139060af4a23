using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Open311.Tests.Infrastructure;

/// <summary>
/// The service on a clock the test sets (<see cref="Clock"/>), for service levels across weekends
/// and holidays. Tokens live for years, since the clock is set to dates in the past.
/// </summary>
public class FixedTimeApp : Open311App
{
    public FixedTimeApp() => Clock = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(2)));

    /// <summary>Another instance on <paramref name="first"/>'s database and clock.</summary>
    protected FixedTimeApp(FixedTimeApp first)
        : base(first) => Clock = first.Clock;

    public TestClock Clock { get; }

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Auth:TokenLifetimeMinutes", "5256000")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
