using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Observability;

/// <summary>
/// <c>dotnet Open311.Api.dll</c> as it is deployed, on its default configuration, a free loopback port and a test
/// database; every line it writes is kept. One service in one process: nothing of another test's hosts in its
/// metrics or its console. Its request lines are at Information, so that each request writes some.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(1);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ServiceProcess(Open311App app)
    {
        var directory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        _process = new Process
        {
            StartInfo = new ProcessStartInfo("dotnet", [Path.Combine(directory, "Open311.Api.dll")])
            {
                WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Testing", ["ASPNETCORE_URLS"] = "http://127.0.0.1:0", ["ConnectionStrings__Open311"] = app.ConnectionString,
                    ["Auth__SigningKey"] = Open311App.SigningKey, ["Outbox__Deliver"] = "false", ["Escalation__Enabled"] = "false",
                    ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
                },
            },
        };
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
    }

    public IReadOnlyCollection<string> Lines => _lines;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Starts the service on <paramref name="app"/>'s database (migrated by its host first) and waits until it listens.</summary>
    public static async Task<ServiceProcess> StartAsync(Open311App app)
    {
        _ = app.Services;
        var service = new ServiceProcess(app);
        service._process.Start();
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        service.Http = new HttpClient { BaseAddress = await service.AnnouncedAddressAsync() };
        return service;
    }

    /// <summary>Where the service says it listens, once it does; a loaded machine may take a while to start it.</summary>
    private async Task<Uri> AnnouncedAddressAsync()
    {
        var deadline = DateTime.UtcNow + StartPatience;
        while (true)
        {
            if (_lines.Select(l => Announcement().Match(l)).FirstOrDefault(m => m.Success) is { } announced)
            {
                return new Uri(announced.Groups["address"].Value);
            }

            Assert.True(!_process.HasExited && DateTime.UtcNow < deadline, $"the service did not start:\n{string.Join('\n', _lines)}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    /// <summary>Where the service says it listens, in its start-up announcement.</summary>
    [GeneratedRegex(@"^Open311 API:\s+(?<address>http://127\.0\.0\.1:\d+)/")]
    private static partial Regex Announcement();
}
