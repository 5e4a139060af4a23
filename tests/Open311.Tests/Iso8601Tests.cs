using Open311.Core;

namespace Open311.Tests;

public class Iso8601Tests
{
    [Theory]
    [InlineData("2026-03-01T09:15:00+02:00", "2026-03-01T07:15:00+00:00")]
    [InlineData("2026-03-01T09:15:00Z", "2026-03-01T09:15:00+00:00")]
    [InlineData("2026-03-01T09:15:00.123+0200", "2026-03-01T07:15:00+00:00")]
    [InlineData("2026-03-01T09:15-05:00", "2026-03-01T14:15:00+00:00")]
    public void TryParse_WithOffset_ReadsTheInstant(string text, string utc)
    {
        Assert.True(Iso8601.TryParse(text, out var value));
        Assert.Equal(utc, value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-03-01T09:15:00")]
    [InlineData("2026-03-01")]
    [InlineData("01/03/2026 09:15 +02:00")]
    [InlineData("2026-13-01T09:15:00Z")]
    [InlineData("")]
    public void TryParse_WithoutOffsetOrMalformed_Refuses(string text) => Assert.False(Iso8601.TryParse(text, out _));

    [Fact]
    public void Format_ShowsTheZonesOffsetInSummerAndWinter()
    {
        var athens = TimeZoneInfo.FindSystemTimeZoneById("Europe/Athens");
        Assert.Equal("2026-07-01T12:00:00+03:00", Iso8601.Format(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero), athens));
        Assert.Equal("2026-01-01T11:00:00+02:00", Iso8601.Format(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero), athens));
    }
}
