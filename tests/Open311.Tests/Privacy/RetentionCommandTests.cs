using System.Diagnostics;
using Open311.Api.Hosting;
using Open311.Tests.Citizens;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Privacy;

/// <summary>
/// <c>dotnet Open311.Api.dll anonymise</c> as an administrator runs it: a process of its own on the service's
/// database, on the real clock. The service's requests are closed in January 2024 (its test clock), so their
/// retention has long passed by the time the command runs.
/// </summary>
public class RetentionCommandTests(RetentionCommandTests.WithoutTheJob app) : IClassFixture<RetentionCommandTests.WithoutTheJob>
{
    /// <summary>The service with its own retention job off, so that only the command anonymises.</summary>
    public sealed class WithoutTheJob : FixedTimeApp
    {
        public WithoutTheJob() => Clock.Set(new DateTimeOffset(2024, 1, 8, 6, 0, 0, TimeSpan.Zero));

        protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, new("Retention:Enabled", "false")];
    }

    private async Task<(int ExitCode, string Output)> RunCommandAsync()
    {
        var directory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "Open311.Api.dll"), "anonymise"])
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing", ["ConnectionStrings__Open311"] = app.ConnectionString,
                ["Auth__SigningKey"] = Open311App.SigningKey, ["Retention__BatchSize"] = "2",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task TheCommand_AnonymisesWhatIsDue_ShowsProgressInCounts_AndLeavesOpenRequests()
    {
        const string email = "command.subject@example.gr";
        var closed = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var id = await PrivacyRequests.WithContactAsync(app, email, "6977555444");
            await PrivacyRequests.CloseAsync(app, id);
            closed.Add(id);
        }

        var open = await PrivacyRequests.WithContactAsync(app, email, "6977555444");

        var (exitCode, output) = await RunCommandAsync();

        Assert.True(exitCode == 0, output);
        // Batches of two: progress after each one, then the total.
        Assert.Contains($"{DemoCatalog.JurisdictionId}: 2 requests (2 so far)", output);
        Assert.Contains($"{DemoCatalog.JurisdictionId}: 1 requests (3 so far)", output);
        Assert.Contains("Done: 3 requests anonymised.", output);
        Assert.DoesNotContain(email, output);
        Assert.DoesNotContain("6977", output);
        foreach (var id in closed)
        {
            Assert.Null((await CitizenRequests.StoredAsync(app, id)).Contact.Email);
        }

        Assert.Equal(email, (await CitizenRequests.StoredAsync(app, open)).Contact.Email);

        var (again, secondOutput) = await RunCommandAsync();
        Assert.True(again == 0, secondOutput);
        Assert.Contains("Done: 0 requests anonymised.", secondOutput);
    }
}
