using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Open311.Tests.Infrastructure;

/// <summary>The service on a real 127.0.0.1 port (Kestrel), for a browser to open; call <c>StartServer()</c> first.</summary>
public class ListeningApp : Open311App
{
    public ListeningApp() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
