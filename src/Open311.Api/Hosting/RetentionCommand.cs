using Open311.Core.Privacy;

namespace Open311.Api.Hosting;

/// <summary>
/// <c>dotnet Open311.Api.dll anonymise</c>: runs the contact-retention job once, by hand, printing each
/// batch's count as it goes (never whose data), and exits without serving.
/// </summary>
public static class RetentionCommand
{
    public const string Name = "anonymise";

    public static bool IsAsked(string[] args) => args is [Name, ..];

    /// <summary>The arguments the host reads, without the command's name.</summary>
    public static string[] HostArguments(string[] args) => IsAsked(args) ? args[1..] : args;

    public static async Task RunRetentionCommandAsync(this WebApplication app)
    {
        await app.PrepareDatabaseAsync();
        Console.WriteLine("Anonymising the contact data of closed requests past their jurisdiction's retention…");
        var total = await app.Services.GetRequiredService<ContactRetention>().RunAsync(
            new Progress<RetentionProgress>(step => Console.WriteLine($"  {step.JurisdictionId}: {step.Anonymised} requests ({step.TotalSoFar} so far)")),
            app.Lifetime.ApplicationStopping);
        Console.WriteLine($"Done: {total} requests anonymised.");
    }
}
