namespace Open311.Api.Hosting;

/// <summary>
/// Configuration section <c>Proxy</c>: the reverse proxies (TLS terminators, load balancers) whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Nobody else's are.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>The proxies' own addresses, e.g. <c>10.0.0.5</c>. Empty: forwarded headers are ignored.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How long browsers remember to use HTTPS only (HSTS, sent on HTTPS answers outside Development).</summary>
    public int HstsMaxAgeDays { get; set; } = 365;
}
