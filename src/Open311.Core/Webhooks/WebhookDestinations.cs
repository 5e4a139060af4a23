using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Open311.Core.Webhooks;

/// <summary>
/// Which addresses a webhook may reach. A subscription's URL is chosen by whoever administers it,
/// so without this rule the service could be made to call its own loopback services, the private
/// network behind it or a cloud metadata endpoint (server-side request forgery). Checked when a
/// subscription is saved and again for the address each connection actually goes to.
/// </summary>
public sealed class WebhookDestinations(IOptions<WebhookOptions> options)
{
    private static readonly IPNetwork[] Refused =
    [
        IPNetwork.Parse("0.0.0.0/8"), // "this network", 0.0.0.0 included
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"), // carrier-grade NAT
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), // link-local, with the cloud metadata address 169.254.169.254
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/4"), // multicast
        IPNetwork.Parse("240.0.0.0/4"), // reserved, and the broadcast address
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("64:ff9b::/96"), // NAT64: an IPv4 address in disguise
        IPNetwork.Parse("fc00::/7"), // unique local
        IPNetwork.Parse("fe80::/10"), // link-local
        IPNetwork.Parse("ff00::/8"), // multicast
    ];

    private readonly HashSet<string> _allowedHosts = options.Value.AllowedHosts.Select(Bare).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Loopback, private, shared, link-local, unique-local, unspecified, multicast or reserved, also when written as IPv4-mapped IPv6.</summary>
    public static bool IsRefused(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return Refused.Any(network => network.Contains(plain));
    }

    /// <summary>Named by <see cref="WebhookOptions.AllowedHosts"/>, and so exempt from the address rule.</summary>
    public bool IsAllowedHost(string host) => _allowedHosts.Contains(Bare(host));

    /// <summary>Why the URL may not be a webhook's, or null when it may: checked when a subscription is saved.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "an absolute http or https URL";
        }

        if (uri.UserInfo.Length > 0)
        {
            // It would be stored and shown in the clear; receivers authenticate the service by its signature instead.
            return "no user name or password in the URL";
        }

        if (IsAllowedHost(uri.DnsSafeHost))
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.DnsSafeHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"{uri.DnsSafeHost} does not resolve";
        }

        return addresses.Length == 0 || addresses.Any(IsRefused)
            ? $"{uri.DnsSafeHost} is a loopback, private, link-local or otherwise internal address, which webhooks may not call"
            : null;
    }

    /// <summary>The addresses a connection to <paramref name="host"/> may use: all of them for an allowed host, else only the public ones.</summary>
    public async Task<IPAddress[]> UsableAddressesAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(host, cancellationToken);
        return IsAllowedHost(host) ? addresses : [.. addresses.Where(a => !IsRefused(a))];
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(Bare(host), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);

    /// <summary>An IPv6 literal without its brackets, as <see cref="Uri.DnsSafeHost"/> writes it.</summary>
    private static string Bare(string host) => host.Trim().TrimStart('[').TrimEnd(']');
}
