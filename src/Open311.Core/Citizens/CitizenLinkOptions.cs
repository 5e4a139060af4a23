namespace Open311.Core.Citizens;

/// <summary>Where citizens reach the service's own pages (configuration section <c>Citizens</c>).</summary>
public sealed class CitizenLinkOptions
{
    public const string Section = "Citizens";

    /// <summary>The public address of this service, as links in e-mail and SMS must name it (messages are written away from any HTTP request).</summary>
    public Uri PublicSiteUrl { get; set; } = new("http://127.0.0.1:5080/");
}
