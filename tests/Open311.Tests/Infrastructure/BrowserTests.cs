using static Microsoft.Playwright.Assertions;

namespace Open311.Tests.Infrastructure;

/// <summary>
/// A test class that drives pages in Debian's Chromium against <typeparamref name="TApp"/> listening on a 127.0.0.1 port:
/// the server started before the first page opens, and page expectations given time enough for a loaded machine. A test
/// class declares both as its class fixtures (IClassFixture of TApp and of Chromium).
/// </summary>
public abstract class BrowserTests<TApp>
    where TApp : ListeningApp
{
    protected BrowserTests(TApp app, Chromium chromium)
    {
        App = app;
        Browsers = chromium;
        app.StartServer();
        // A loaded two-core machine renders slowly; the default 5 s would make the tests flaky, not stricter.
        SetDefaultExpectTimeout(30_000);
    }

    protected TApp App { get; }

    protected Chromium Browsers { get; }
}
