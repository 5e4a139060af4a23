using System.Reflection;

namespace Open311.Api.GeoReport;

/// <summary>The <c>extensions</c> switch of GET requests and GET requests/{id}.</summary>
public sealed record ExtensionsParameter : IBindableFromHttpContext<ExtensionsParameter>
{
    [Wire("extensions", "Extension: true adds extended_attributes, attributes and the public history as notes.")]
    public string? Extensions { get; init; }

    public bool On => string.Equals(Extensions, "true", StringComparison.OrdinalIgnoreCase);

    public static ValueTask<ExtensionsParameter?> BindAsync(HttpContext context, ParameterInfo parameter) => WireBinding.BindAsync<ExtensionsParameter>(context);
}
