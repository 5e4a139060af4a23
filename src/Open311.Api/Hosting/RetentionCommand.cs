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
        var total = await app.Services.GetRequiredService<ContactRetention>().RunAsync(new PrintedProgress(), app.Lifetime.ApplicationStopping);
        Console.WriteLine($"Done: {total} requests anonymised.");
    }

    /// <summary>
    /// Prints each batch as it is reported. Not <see cref="Progress{T}"/>, which prints later on the thread
    /// pool: the last batches could come after "Done", or not at all once the process has exited.
    /// </summary>
    private sealed class PrintedProgress : IProgress<RetentionProgress>
    {
        public void Report(RetentionProgress value) =>
            Console.WriteLine($"  {value.JurisdictionId}: {value.Anonymised} requests ({value.TotalSoFar} so far)");
    }
}
