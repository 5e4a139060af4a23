using System.Globalization;
using Open311.Core.Calendar;
using PublicHoliday;

namespace Open311.Tests.Calendar;

/// <summary>The national holidays from the rules: known years pinned, a century checked against another implementation.</summary>
public class GreekHolidaysTests
{
    [Theory]
    [InlineData(2024, "01-01 01-06 03-18 03-25 05-01 05-03 05-06 06-24 08-15 10-28 12-25 12-26")]
    [InlineData(2025, "01-01 01-06 03-03 03-25 04-18 04-21 05-01 06-09 08-15 10-28 12-25 12-26")]
    [InlineData(2026, "01-01 01-06 02-23 03-25 04-10 04-13 05-01 06-01 08-15 10-28 12-25 12-26")]
    [InlineData(2027, "01-01 01-06 03-15 03-25 04-30 05-01 05-03 06-21 08-15 10-28 12-25 12-26")]
    public void For_KnownYears_AreTheTwelveDaysInDateOrder(int year, string days) =>
        Assert.Equal(days.Split(' ').Select(d => DateOnly.Parse($"{year}-{d}")), GreekHolidays.For(year).Select(h => h.Date));

    [Fact]
    public void For_EveryYear2000To2099_HasThePublicHolidayPackagesDates()
    {
        var package = new GreecePublicHoliday();
        var differences = new List<string>();
        for (var year = 2000; year <= 2099; year++)
        {
            var ours = GreekHolidays.For(year).Select(h => h.Date).ToHashSet();
            var theirs = package.PublicHolidays(year).Select(DateOnly.FromDateTime).ToHashSet();
            differences.AddRange(ours.Except(theirs).Select(d => $"ours only {d:yyyy-MM-dd}"));
            differences.AddRange(theirs.Except(ours).Select(d => $"theirs only {d:yyyy-MM-dd}"));
        }

        // No date differs, Whit Monday included, and neither moves a holiday off a weekend (a Greek
        // holiday on a Sunday is not made up for). Years where Easter Monday or Good Friday fall on
        // 1 May (2000, 2043, 2054, 2062, 2073, 2084) have eleven days on both sides.
        Assert.Empty(differences);
    }

    [Fact]
    public void GreekNames_2000To2099_DifferFromThePublicHolidayPackagesOnlyWhereTheyMeanTo()
    {
        var package = new GreecePublicHoliday();
        var differences = new SortedSet<string>(StringComparer.Ordinal);
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("el-GR"); // the package names days in Greek only then
        try
        {
            for (var year = 2000; year <= 2099; year++)
            {
                var theirs = package.PublicHolidayNames(year).GroupBy(p => DateOnly.FromDateTime(p.Key)).ToDictionary(g => g.Key, g => g.Select(p => p.Value).ToList());
                // A date with two holidays (Easter Monday on 1 May) has two names on each side: only single days are compared.
                foreach (var holiday in GreekHolidays.For(year).GroupBy(h => h.Date).Where(g => g.Count() == 1).Select(g => g.Single()))
                {
                    if (theirs[holiday.Date] is [var name] && name != holiday.NameEl)
                    {
                        differences.Add($"{holiday.Code}: {name}");
                    }
                }
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        }

        Assert.Equal(
        [
            // The package's mistakes (the two days DEPENDENCIES.md warns of): Easter Monday and Good Friday are not Clean Monday.
            "easter-monday: Καθαρά Δευτέρα",
            "good-friday: Καθαρά Δευτέρα",
            // Wording: ours are the names the public sector's holiday circulars use; the package's are colloquial or liturgical.
            "independence-day: Εικοστή Πέμπτη Μαρτίου",
            "labour-day: Εργατική Πρωτομαγιά",
            "ochi-day: Το Όχι",
            "synaxis: Σύναξις Υπεραγίας Θεοτόκου Μαρίας",
            // Whit Monday: municipalities call the day off by the feast, Αγίου Πνεύματος, not by Pentecost.
            "whit-monday: Δευτέρα Πεντηκοστής",
        ], differences);
    }
}
