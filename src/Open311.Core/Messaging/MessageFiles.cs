namespace Open311.Core.Messaging;

/// <summary>
/// Where the quick start's sinks write a message: a file named by the time and the message's id,
/// or the one already written for that id, so a message sent twice overwrites itself rather than
/// appearing twice.
/// </summary>
internal static class MessageFiles
{
    public static string PathFor(string directory, Guid id, string extension)
    {
        Directory.CreateDirectory(directory);
        var existing = Directory.GetFiles(directory, $"*-{id:N}.{extension}");
        return existing.Length > 0 ? existing[0] : Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{id:N}.{extension}");
    }
}
