using Open311.Core.Search;

namespace Open311.Tests.Search;

public class GreeklishTests
{
    [Theory]
    [InlineData("lampa", "λαμπα")]
    [InlineData("Lakouva", "λακουβα")]
    [InlineData("thesi", "θεσι")]
    [InlineData("chartia xartia", "χαρτια χαρτια")]
    [InlineData("psomi", "ψομι")]
    [InlineData("ksylo", "ξυλο")]
    [InlineData("Σβηστή λάμπα 2026/000123", "σβηστή λάμπα 2026/000123")]
    public void ToGreek_WritesLatinLettersInGreek(string typed, string greek) => Assert.Equal(greek, Greeklish.ToGreek(typed));

    [Theory]
    [InlineData("λάμπα", "λάμπα:*")]
    [InlineData("sviste   lampa!", "σβιστε:* & λαμπα:*")]
    [InlineData("2026/000123", "2026:* & 000123:*")]
    [InlineData("a' & b:*", "α:* & β:*")]
    [InlineData("!!! ' &", null)]
    public void PrefixQuery_IsWordsOnly_NeverQuerySyntax(string typed, string? query) => Assert.Equal(query, TextSearch.PrefixQuery(typed));
}
