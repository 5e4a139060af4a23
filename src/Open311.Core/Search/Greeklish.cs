using System.Text;

namespace Open311.Core.Search;

/// <summary>
/// Greek typed in Latin letters ("Greeklish": lampa, lakouva) turned back into Greek, so that it
/// matches the Greek text. Lossy on purpose: Greeklish has no one spelling, and the search folds
/// accents and tolerates typos anyway, so the letter most people mean is enough.
/// Pairs are read first: th→θ, ch→χ, ps→ψ, ks→ξ, ou→ου; then one letter each:
/// a→α, b/v→β, g→γ, d→δ, e→ε, z→ζ, h/i/y→η/ι/υ, k/c/q→κ, l→λ, m→μ, n→ν, x→χ, o→ο, p→π,
/// r→ρ, s→σ, t→τ, f→φ, w→ω, u→υ, j→τζ. Everything else (Greek, digits, "/") is kept.
/// </summary>
public static class Greeklish
{
    private static readonly (string Latin, string Greek)[] Pairs =
        [("th", "θ"), ("ch", "χ"), ("ps", "ψ"), ("ks", "ξ"), ("ou", "ου")];

    private static readonly Dictionary<char, string> Letters = new()
    {
        ['a'] = "α", ['b'] = "β", ['v'] = "β", ['g'] = "γ", ['d'] = "δ", ['e'] = "ε", ['z'] = "ζ", ['h'] = "η",
        ['i'] = "ι", ['y'] = "υ", ['k'] = "κ", ['c'] = "κ", ['q'] = "κ", ['l'] = "λ", ['m'] = "μ", ['n'] = "ν",
        ['x'] = "χ", ['o'] = "ο", ['p'] = "π", ['r'] = "ρ", ['s'] = "σ", ['t'] = "τ", ['f'] = "φ", ['w'] = "ω",
        ['u'] = "υ", ['j'] = "τζ",
    };

    /// <summary>The text with its Latin letters written in Greek (lower case: the search folds case anyway).</summary>
    public static string ToGreek(string text)
    {
        var lower = text.ToLowerInvariant();
        var greek = new StringBuilder(lower.Length);
        for (var i = 0; i < lower.Length; i++)
        {
            if (Pairs.FirstOrDefault(p => string.CompareOrdinal(lower, i, p.Latin, 0, 2) == 0) is { Latin: not null } pair)
            {
                greek.Append(pair.Greek);
                i++;
            }
            else if (Letters.TryGetValue(lower[i], out var letter))
            {
                greek.Append(letter);
            }
            else
            {
                greek.Append(lower[i]);
            }
        }

        return greek.ToString();
    }
}
