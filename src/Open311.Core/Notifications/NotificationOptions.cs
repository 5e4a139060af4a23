namespace Open311.Core.Notifications;

/// <summary>When citizens' messages go out (configuration section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// How long news of a change waits, so that changes made in quick succession reach the citizen
    /// as one message telling the latest. The "recorded" message goes at once.
    /// </summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>When no SMS is sent, in the jurisdiction's time zone, e.g. <c>21:00-08:00</c>; empty for none. E-mail goes at any hour.</summary>
    public string? SmsQuietHours { get; set; } = "21:00-08:00";
}
