using System.Text;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Core.Search;

/// <summary>One request a search text matches, and how well (higher is better).</summary>
public sealed class SearchHit
{
    public long Id { get; init; }
    public double Rank { get; init; }
}

/// <summary>
/// The search over a request's public text (0022_greek_search.sql): accents, case and final sigma
/// folded by open311_fold, words stemmed by the 'greek' configuration and matched as prefixes, typos
/// caught by trigram word similarity, Greeklish written in Greek first, or the exact protocol number.
/// Each branch is served by its own index (see <see cref="Hits"/>), so it scales with the matches, not the table.
/// </summary>
public static class TextSearch
{
    /// <summary>Longer than any phrase anyone types; a longer text is refused rather than trigram-compared with every match.</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// How many texts a typo is compared with at most: a typo of a common word resembles a sixth of all
    /// requests, and each comparison costs about 0.1 ms (bench/README.md).
    /// </summary>
    public const int MaxTypoMatches = 1000;

    /// <summary>Why <paramref name="text"/> cannot be searched for, or null when it can.</summary>
    public static string? Refusal(string text) =>
        text.Length > MaxLength ? $"may be at most {MaxLength} characters"
        : PrefixQuery(text) is null ? "must contain a letter or a digit"
        : null;

    /// <summary>
    /// The query as the full-text side reads it: each word (letters and digits, in Greek) a prefix,
    /// all required; null when the text has no word at all. Built here, never from raw input, so
    /// that no text can be a to_tsquery syntax error.
    /// </summary>
    public static string? PrefixQuery(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in Greeklish.ToGreek(text).Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add($"{word}:*");
                word.Clear();
            }
        }

        return words.Count > 0 ? string.Join(" & ", words) : null;
    }

    /// <summary>Every request whose public text matches <paramref name="text"/>, in no order; compose with the caller's scope.</summary>
    /// <remarks>
    /// Three branches, each on its own index: the stemmed prefixes (ranked by ts_rank), the exact protocol
    /// number (first), and typos. Trigram similarity is checked row by row (about 0.1 ms each), so a common
    /// word compared with its 166,000 matches in 10⁶ requests took 20 s: typos are looked for only when none
    /// of the requests the caller may find holds the words as typed, which is when the text is a typo, and among the first
    /// <see cref="MaxTypoMatches"/> similar texts (bench/README.md).
    /// </remarks>
    /// <param name="db">The database.</param>
    /// <param name="text">What was typed.</param>
    /// <param name="jurisdictionId">The caller's jurisdiction.</param>
    /// <param name="publicOnly">Open311's search: whether a word is in any request decides whether typos are looked for, so
    /// that decision reads only what the caller may find, else the answer would tell whether a private request holds a word.</param>
    public static IQueryable<SearchHit> Hits(this Open311Db db, string text, string jurisdictionId, bool publicOnly)
    {
        var greek = Greeklish.ToGreek(text);
        var prefixes = PrefixQuery(text) ?? "";
        return db.Database.SqlQuery<SearchHit>($"""
            WITH words AS MATERIALIZED (
                SELECT r.id, ts_rank(r.search_vector, to_tsquery('greek', open311_fold({prefixes})))::float8 AS rank
                FROM service_requests r
                WHERE r.search_vector @@ to_tsquery('greek', open311_fold({prefixes}))
                  AND r.jurisdiction_id = {jurisdictionId} AND (NOT {publicOnly} OR r.service_id IN (SELECT id FROM service_categories WHERE is_public)))
            SELECT id, rank FROM words
            UNION ALL
            SELECT r.id, 1::float8
            FROM service_requests r
            WHERE r.protocol_number = {text} AND NOT r.search_vector @@ to_tsquery('greek', open311_fold({prefixes}))
            UNION ALL
            SELECT t.id, word_similarity(open311_fold({greek}), t.search_text)::float8
            FROM (SELECT r.id, r.search_text FROM service_requests r
                  WHERE NOT EXISTS (SELECT FROM words) AND open311_fold({greek}) <% r.search_text AND r.protocol_number <> {text}
                    AND r.jurisdiction_id = {jurisdictionId} AND (NOT {publicOnly} OR r.service_id IN (SELECT id FROM service_categories WHERE is_public))
                  LIMIT {MaxTypoMatches}) t
            """);
    }
}
