namespace Open311.Core.Notifications;

/// <summary>
/// A citizen's address as staff may see it beside the messages sent to it: enough to tell two
/// apart and to recognise one read out on the phone, not enough to use. <c>6944111222</c> becomes
/// <c>69******22</c>, <c>giorgos@example.gr</c> becomes <c>g*****@example.gr</c> (the domain kept,
/// the length of the name hidden).
/// </summary>
public static class AddressMask
{
    public static string Mask(string address)
    {
        var at = address.LastIndexOf('@');
        if (at > 0)
        {
            return $"{address[0]}*****{address[at..]}";
        }

        return address.Length <= 6 ? new string('*', address.Length) : $"{address[..2]}{new string('*', address.Length - 4)}{address[^2..]}";
    }

    /// <summary>
    /// Runs a send to <paramref name="address"/>; when it fails, the failure that the outbox stores
    /// and admins read carries the address masked. A mail server's refusal quotes the recipient
    /// (<c>5.1.1 &lt;giorgos@example.gr&gt;: Recipient address rejected</c>), a gateway's may quote the number.
    /// </summary>
    public static async Task SendingToAsync(string address, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception exception) when (exception is not OperationCanceledException && exception.Message.Contains(address, StringComparison.OrdinalIgnoreCase))
        {
            throw new MessageNotSentException(exception.Message.Replace(address, Mask(address), StringComparison.OrdinalIgnoreCase), exception.GetType().Name);
        }
    }
}

/// <summary>A send that failed, told without the address it was for.</summary>
public sealed class MessageNotSentException(string message, string cause) : Exception($"{cause}: {message}");
