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
}
