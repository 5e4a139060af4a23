namespace Open311.Api.Citizens;

/// <summary>The citizens' own pages (configuration section <c>Citizens</c>, beside <c>PublicSiteUrl</c>).</summary>
public sealed class CitizenPagesOptions
{
    public const string Section = "Citizens";

    /// <summary>Follow and unsubscribe pages one client address may open a minute: a person needs a few, guessing codes needs millions.</summary>
    public int PageViewsPerMinute { get; set; } = 30;
}
