using Microsoft.Extensions.Options;
using Open311.Core.Requests;

namespace Open311.Core.Citizens;

/// <summary>The links every citizen message carries: one to follow the request, one to stop the messages.</summary>
public sealed class CitizenLinks(IOptions<CitizenLinkOptions> options)
{
    private readonly string _site = options.Value.PublicSiteUrl.AbsoluteUri.TrimEnd('/');

    /// <summary>The request's public page, e.g. <c>…/follow/2026/004217?code=K7M2P9QX4T</c>.</summary>
    public Uri Follow(ServiceRequest request) => FollowOf(request.ProtocolNumber, request.FollowCode);

    /// <summary>One click (or a POST, RFC 8058) stops every message about the request.</summary>
    public Uri Unsubscribe(ServiceRequest request) => UnsubscribeOf(request.UnsubscribeToken);

    /// <summary>Also for measuring: how long a message's links can be (SMS templates are checked with it).</summary>
    public Uri FollowOf(string protocolNumber, string followCode) => new($"{_site}/follow/{protocolNumber}?code={followCode}");

    public Uri UnsubscribeOf(Guid token) => new($"{_site}/unsubscribe/{token:N}");

    /// <summary>Where staff alerts send staff: the request in the admin API, until there is a staff site.</summary>
    public Uri StaffRequest(long requestId) => new($"{_site}/admin/requests/{requestId}");
}
