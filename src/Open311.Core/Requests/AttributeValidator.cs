using System.Globalization;
using Open311.Core.Catalog;

namespace Open311.Core.Requests;

/// <summary>Checks submitted answers against a service definition (GeoReport v2 attributes).</summary>
public static class AttributeValidator
{
    public const int MaxStringLength = 1000;
    public const int MaxTextLength = 4000;

    /// <summary>The answers keyed by attribute code, or the reasons they were refused.</summary>
    public static (Dictionary<string, string[]> Answers, List<IntakeError> Errors) Validate(
        ServiceCategory service, IReadOnlyDictionary<string, IReadOnlyList<string>> submitted)
    {
        var errors = new List<IntakeError>();
        var answers = new Dictionary<string, string[]>();
        var definitions = service.Attributes.ToDictionary(a => a.Code, StringComparer.Ordinal);

        foreach (var code in submitted.Keys.Where(code => !definitions.ContainsKey(code)))
        {
            errors.Add(new($"attribute[{code}] is not an attribute of service {service.Code}"));
        }

        foreach (var attribute in service.Attributes.Where(a => a.Variable))
        {
            var values = submitted.TryGetValue(attribute.Code, out var given)
                ? given.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToArray()
                : [];
            if (values.Length == 0)
            {
                if (attribute.Required)
                {
                    errors.Add(new($"attribute[{attribute.Code}] is required"));
                }

                continue;
            }

            var error = Check(attribute, values);
            if (error is null)
            {
                answers[attribute.Code] = values;
            }
            else
            {
                errors.Add(new($"attribute[{attribute.Code}] {error}"));
            }
        }

        return (answers, errors);
    }

    private static string? Check(ServiceAttribute attribute, string[] values)
    {
        if (values.Length > 1 && attribute.Datatype != AttributeDatatype.MultiValueList)
        {
            return "takes a single value";
        }

        if (!values.All(PlainText.IsAllowed))
        {
            return "contains control characters, which are not allowed";
        }

        var value = values[0];
        return attribute.Datatype switch
        {
            AttributeDatatype.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? null : $"must be a number, not '{value}'",
            AttributeDatatype.Datetime => Iso8601.TryParse(value, out _)
                ? null : $"must be an ISO 8601 datetime with a zone offset, e.g. 2026-03-01T09:15:00+02:00, not '{value}'",
            AttributeDatatype.String => value.Length <= MaxStringLength ? null : $"must be at most {MaxStringLength} characters",
            AttributeDatatype.Text => value.Length <= MaxTextLength ? null : $"must be at most {MaxTextLength} characters",
            _ => values.FirstOrDefault(v => attribute.Values.All(allowed => allowed.Key != v)) is { } unknown
                ? $"has no value '{unknown}'; allowed: {string.Join(", ", attribute.Values.Select(v => v.Key))}"
                : values.Distinct().Count() == values.Length ? null : "lists a value twice",
        };
    }
}
