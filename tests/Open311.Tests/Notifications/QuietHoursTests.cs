using System.Globalization;
using Open311.Core.Notifications;

namespace Open311.Tests.Notifications;

/// <summary>No SMS at night: held until the quiet hours end, in the jurisdiction's time zone; e-mail goes at any hour.</summary>
public class QuietHoursTests
{
    private static readonly TimeZoneInfo Athens = TimeZoneInfo.FindSystemTimeZoneById("Europe/Athens");

    [Fact]
    public async Task DuringQuietHours_SmsWaitsForTheirEnd_ButEmailGoesAtOnce()
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Athens);
        var window = $"{local.AddHours(-1):HH:mm}-{local.AddHours(1):HH:mm}";
        await using var app = new CitizenMessagesApp(("Notifications:SmsQuietHours", window));
        await app.InitializeAsync();

        var (id, _) = await app.PhoneRequestAsync();
        await app.SettledAsync(id, 2);
        await Task.Delay(300);

        Assert.Single(app.Mails);
        Assert.Empty(app.Gateway.Calls);
        var sms = Assert.Single(await app.MessagesAsync(id), m => m.GetProperty("channel").GetString() == "sms");
        Assert.Equal("pending", sms.GetProperty("status").GetString());
        Assert.Equal(0, sms.GetProperty("attempts").GetInt32());
        var due = sms.GetProperty("available_at").GetDateTimeOffset();
        Assert.Equal(local.AddHours(1).ToString("HH:mm", CultureInfo.InvariantCulture),
            TimeZoneInfo.ConvertTime(due, Athens).ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("21:00-08:00", "2026-12-01T22:30:00+02:00", "2026-12-02T08:00:00+02:00")]
    [InlineData("21:00-08:00", "2026-12-02T06:59:00+02:00", "2026-12-02T08:00:00+02:00")]
    [InlineData("21:00-08:00", "2026-12-02T12:00:00+02:00", null)]
    [InlineData("13:00-17:00", "2026-07-01T14:00:00+03:00", "2026-07-01T17:00:00+03:00")]
    [InlineData("21:00-08:00", "2026-03-28T23:00:00+02:00", "2026-03-29T08:00:00+03:00")] // summer time starts that night
    public void Window_EndsAtItsLocalEnd(string window, string now, string? end)
    {
        Assert.True(QuietHours.TryParse(window, out var hours));
        var until = hours!.EndAfter(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), Athens);
        Assert.Equal(end is null ? null : DateTimeOffset.Parse(end, CultureInfo.InvariantCulture), until);
    }

    [Theory]
    [InlineData("21-08")]
    [InlineData("21:00")]
    [InlineData("08:00-08:00")]
    [InlineData("25:00-08:00")]
    public void BadWindow_IsRefused(string window) => Assert.False(QuietHours.TryParse(window, out _));
}
