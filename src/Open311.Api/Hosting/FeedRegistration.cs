using Open311.Core.Feed;

namespace Open311.Api.Hosting;

public static class FeedRegistration
{
    /// <summary>The supervisors' live feed: this instance's connections, and its one listener for new history events.</summary>
    public static void AddLiveFeed(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.Section);
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddHostedService<FeedListener>();
    }
}
