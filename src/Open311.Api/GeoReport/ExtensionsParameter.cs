using System.Reflection;

namespace Open311.Api.GeoReport;

/// <summary>The <c>extensions</c> switch of GET requests and GET requests/{id}.</summary>
public sealed record ExtensionsParameter : IBindableFromHttpContext<ExtensionsParameter>
{
    [Wire("extensions", "Extension: true adds extended_attributes, attributes and the public history as notes.")]
    public string? Extensions { get; init; }

    public bool On => IsOn(Extensions);

    /// <summary>The one reading of the switch, also for POST requests' form field: <c>true</c> in any case, anything else off.</summary>
    public static bool IsOn(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    public static ValueTask<ExtensionsParameter?> BindAsync(HttpContext context, ParameterInfo parameter) => WireBinding.BindAsync<ExtensionsParameter>(context);
}
