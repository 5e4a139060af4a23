namespace Open311.Tests.Fuzz;

/// <summary>The malformed values every fuzz generator draws from, and the seeded run they are drawn in.</summary>
public static class FuzzValues
{
    // NUL characters and unknown charsets have tests of their own (EdgeInputChecks) and the admin change
    // generator's own kinds: this pool holds neither, so the junk sent to queries and forms stays readable.
    public static readonly string[] Junk =
    [
        "", " ", "'", "\"", "%", "%zz", "%ff", "-1", "0", "-0", "1e309", "-1e309", "NaN", "Infinity", "99999999999999999999",
        "1.5", "9223372036854775808", "2026-13-45", "2026-02-30T25:61:00Z", "0001-01-01", "9999-12-31T23:59:59+14:00",
        "null", "true", "[]", "{}", "<x/>", "<!ENTITY x SYSTEM 'file:///etc/passwd'>", "../../etc/passwd", "Ηράκλειο",
        "\U0001F4A9", "\u202e", "\uFEFF", "a,b,,c", ",,,", "open,closed,bogus", "' OR 1=1 --", "${jndi:ldap://x}",
        new string('9', 400), new string('x', 5000), "001", "002,001", "\t\r\n", "+30 2810 000000", "@", "a@", "35.3,25.1",
    ];

    /// <summary>
    /// Route values that name no row: none parses as a non-negative number, so none can reach a real id. No %00: Kestrel
    /// refuses a NUL in the path with a 400 before the service sees it, and the test host cannot carry one.
    /// </summary>
    public static readonly string[] RouteJunk =
    [
        "abc", "-1", "-0x1", "1.5", "1e3", "99999999999999999999", "9223372036854775808", "%20", "%ff", "null", "true",
        "...", "1;2", "1%2C2", "0x1F", "%E2%80%AE", "%F0%9F%92%A9", "'%20OR%201=1", "{id}", new string('9', 400), "x" + new string('y', 300),
    ];

    public static string Pick(this Random random, string[] pool) => pool[random.Next(pool.Length)];

    /// <summary>
    /// The seed and the number of cases: <c>FUZZ_SEED</c> and <c>FUZZ_CASES</c> when set, else the suite's own;
    /// a failure names the seed, so a run replays exactly.
    /// </summary>
    public static (int Seed, int Cases) Run(int defaultSeed, int defaultCases) =>
        (int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var seed) ? seed : defaultSeed,
            int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var cases) ? cases : defaultCases);

    public static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
