using System.Text.Json;
using Microsoft.Playwright;

namespace Open311.Tests.Infrastructure;

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules run in a page (axe-core from npm through @axe-core/playwright, which the test
/// project installs at build time: Accessibility/package.json). Evaluated through Playwright rather than added as a
/// script tag, so the page's Content-Security-Policy stays on while it is checked.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe.min.js")));

    /// <summary>Fails with every violation (rule, impact, the elements and what is wrong) when the page has any.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string step)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var result = await page.EvaluateAsync<JsonElement>(
            "() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })" +
            ".then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary) })))");
        Assert.True(result.GetArrayLength() == 0, $"axe found WCAG 2.1 AA violations at step '{step}':\n{JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true })}");
    }
}
