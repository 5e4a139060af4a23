using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Open311.Tests.Infrastructure;

/// <summary>The service on a real 127.0.0.1 port (Kestrel), for a browser to open; call <c>StartServer()</c> first.</summary>
public class ListeningApp : Open311App
{
    public ListeningApp()
        : this(port: 0)
    {
    }

    /// <summary>On a given port, for a subclass whose settings must name its own address (0: any free one).</summary>
    protected ListeningApp(int port) => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

    /// <summary>A port free now, to listen on (and name in settings) before the server starts.</summary>
    protected static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
