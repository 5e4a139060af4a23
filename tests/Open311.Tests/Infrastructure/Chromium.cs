using Microsoft.Playwright;

namespace Open311.Tests.Infrastructure;

/// <summary>
/// A headless Chromium driven by Playwright, shared by a test class (<c>IClassFixture&lt;Chromium&gt;</c>). It is Debian's
/// <c>chromium</c> found on PATH (build/test.sh and .ci/run install it): Playwright's own browser builds cannot be
/// downloaded here. Each <see cref="OpenAsync"/> gets a fresh context, so sessionStorage and cookies never leak between tests.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Where screenshots go: TestResults/screenshots at the repository's root, kept by CI with the test results.</summary>
    public static string ArtifactsDirectory => Path.Combine(RepositoryRoot, "TestResults", "screenshots");

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Open311.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException($"no Open311.sln above {AppContext.BaseDirectory}");
        }
    }

    public async Task InitializeAsync()
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "chromium"))
            .FirstOrDefault(File.Exists);
        Assert.True(executable is not null, "chromium is not on PATH: apt-get install chromium (build/test.sh and .ci/run install it)");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Chromium's sandbox refuses to start as root, which CI is.
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });
    }

    /// <summary>A new page at <paramref name="baseAddress"/>'s origin, in a window of the given size; where the device is, when it lets the page know.</summary>
    public async Task<BrowserPage> OpenAsync(Uri baseAddress, int width = 1280, int height = 900, Geolocation? geolocation = null)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.AbsoluteUri,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "el-GR",
            Geolocation = geolocation,
            Permissions = geolocation is null ? [] : ["geolocation"],
        });
        return new BrowserPage(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>One page in its own browser context, with every console error, uncaught exception and failed response it had (a CSP refusal is one).</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> errors = [];

    public BrowserPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Add(message.Text);
            }
        };
        page.PageError += (_, error) => Add(error);
        // The console says only "Failed to load resource"; this says which.
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Add($"{response.Status} {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    private void Add(string error)
    {
        lock (errors)
        {
            errors.Add(error);
        }
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (errors)
            {
                return [.. errors];
            }
        }
    }

    /// <summary>Saves the whole page as TestResults/screenshots/{name}.png and returns the file's path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(Chromium.ArtifactsDirectory, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}
