using System.Globalization;
using System.Net;

namespace Open311.Tests.Observability;

/// <summary>One read of <c>/metrics</c>, as Prometheus reads it: sample lines of <c>name{labels} value [timestamp]</c>.</summary>
public sealed class Scrape(string text)
{
    public string Text => text;

    public static async Task<Scrape> TakeAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return new(body);
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include every one of <paramref name="labels"/> (<c>key="value"</c>).</summary>
    public double Sum(string name, params string[] labels) =>
        Samples(name).Where(s => labels.All(s.Labels.Contains)).Sum(s => s.Value);

    /// <summary>Whether <paramref name="name"/> has at least one sample.</summary>
    public bool Has(string name) => Samples(name).Any();

    private IEnumerable<(string Labels, double Value)> Samples(string name)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length || line[name.Length] is not ('{' or ' '))
            {
                continue;
            }

            var labelsEnd = line[name.Length] == '{' ? line.IndexOf("} ", StringComparison.Ordinal) + 1 : name.Length;
            var value = line[(labelsEnd + 1)..].Split(' ')[0];
            yield return (line[name.Length..labelsEnd], double.Parse(value, CultureInfo.InvariantCulture));
        }
    }
}
