using Open311.Core.Catalog;

namespace Open311.Core.Calendar;

/// <summary>A day the public sector does not work, with a stable code and its names.</summary>
public sealed record Holiday(DateOnly Date, string Code, string NameEl, string NameEn)
{
    /// <summary>The names as a catalogue text, for the caller's language like every other.</summary>
    public LocalizedText Name => LocalizedText.Of(("el", NameEl), ("en", NameEn));
}

/// <summary>
/// Greece's national public holidays for any year from 1900 to 2099, computed from the rules (no
/// package gets them right for a municipality): the fixed days, and the days that move with
/// Orthodox Easter. Whit Monday is included: it is a holiday for the public sector, municipalities too.
/// </summary>
public static class GreekHolidays
{
    public const int FirstYear = 1900;
    public const int LastYear = 2099;

    public static IReadOnlyList<Holiday> For(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        var easter = OrthodoxEaster(year);
        Holiday[] days =
        [
            new(new DateOnly(year, 1, 1), "new-year", "Πρωτοχρονιά", "New Year's Day"),
            new(new DateOnly(year, 1, 6), "epiphany", "Θεοφάνεια", "Epiphany"),
            new(easter.AddDays(-48), "clean-monday", "Καθαρά Δευτέρα", "Clean Monday"),
            new(new DateOnly(year, 3, 25), "independence-day", "Εθνική Εορτή (25η Μαρτίου)", "Independence Day"),
            new(easter.AddDays(-2), "good-friday", "Μεγάλη Παρασκευή", "Good Friday"),
            new(easter.AddDays(1), "easter-monday", "Δευτέρα του Πάσχα", "Easter Monday"),
            new(new DateOnly(year, 5, 1), "labour-day", "Πρωτομαγιά", "Labour Day"),
            new(easter.AddDays(50), "whit-monday", "Αγίου Πνεύματος", "Whit Monday"),
            new(new DateOnly(year, 8, 15), "assumption", "Κοίμηση της Θεοτόκου", "Assumption of Mary"),
            new(new DateOnly(year, 10, 28), "ochi-day", "Εθνική Εορτή (28η Οκτωβρίου)", "Ochi Day"),
            new(new DateOnly(year, 12, 25), "christmas", "Χριστούγεννα", "Christmas Day"),
            new(new DateOnly(year, 12, 26), "synaxis", "Σύναξη της Θεοτόκου", "Synaxis of the Mother of God"),
        ];
        // Easter may push Good Friday past 25 March or Easter Monday onto 1 May (2005, 2016…): list in date order.
        return [.. days.OrderBy(d => d.Date)];
    }

    /// <summary>
    /// Orthodox Easter Sunday in the Gregorian calendar: Meeus' Julian algorithm, then the 13 days
    /// the Julian calendar lags behind from 1900 to 2099.
    /// </summary>
    public static DateOnly OrthodoxEaster(int year)
    {
        var a = year % 4;
        var b = year % 7;
        var c = year % 19;
        var d = ((19 * c) + 15) % 30;
        var e = ((2 * a) + (4 * b) - d + 34) % 7;
        var month = (d + e + 114) / 31;
        var day = ((d + e + 114) % 31) + 1;
        return new DateOnly(year, month, day).AddDays(13);
    }
}
