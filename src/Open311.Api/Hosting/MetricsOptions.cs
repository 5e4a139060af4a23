namespace Open311.Api.Hosting;

/// <summary>
/// Configuration section <c>Metrics</c>: the Prometheus scraping endpoint. It tells how busy the service is and
/// what fails, which is nobody's business on the internet, so it answers loopback (and a Unix socket) only,
/// unless <see cref="AllowedNetworks"/> names the scraper's network.
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>False: no metrics are collected and the endpoint does not exist.</summary>
    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/metrics";

    /// <summary>Networks besides loopback, in CIDR form (<c>10.0.0.0/8</c>), whose callers may scrape; others get a 404.</summary>
    public List<string> AllowedNetworks { get; set; } = [];
}
