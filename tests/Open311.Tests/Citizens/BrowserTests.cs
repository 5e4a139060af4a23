using System.Diagnostics;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Citizens;

/// <summary>
/// The follow page as a phone's browser renders it: headless Chromium (Debian's <c>chromium</c>,
/// installed by .ci/run) against the service listening on a real 127.0.0.1 port.
/// </summary>
public class BrowserTests(ListeningApp app) : IClassFixture<ListeningApp>
{
    [Fact]
    public async Task FollowPage_RendersInChromium()
    {
        app.StartServer();
        var id = await DemoRequests.LightingAsync(app);
        var url = new Uri(app.Address, await CitizenRequests.FollowPathAsync(app, id) + "&lang=en");

        var dom = await DumpDomAsync(url);

        var protocol = (await CitizenRequests.StoredAsync(app, id)).ProtocolNumber;
        Assert.Contains($"<h1>Request {protocol}</h1>", dom);
        Assert.Contains("Street lighting fault", dom);
        Assert.Contains("Request received", dom);
        Assert.Contains("Ελληνικά", dom);
    }

    private static async Task<string> DumpDomAsync(Uri url)
    {
        var start = new ProcessStartInfo("chromium")
        {
            ArgumentList = { "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", url.AbsoluteUri },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var chromium = StartOrExplain(start);
        var dom = chromium.StandardOutput.ReadToEndAsync();
        var errors = chromium.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await chromium.WaitForExitAsync(timeout.Token);
        Assert.True(chromium.ExitCode == 0, await errors);
        return await dom;
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("chromium is not installed: apt-get install chromium (.ci/run installs it)");
            throw;
        }
    }
}
