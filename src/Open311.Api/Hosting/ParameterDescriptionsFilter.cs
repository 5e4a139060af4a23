using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

using Open311.Api.GeoReport;

namespace Open311.Api.Hosting;

/// <summary>
/// Describes a bound parameter by the [Description] on its property in an [AsParameters] record,
/// with the limits it names filled in from the configuration.
/// </summary>
public sealed class ParameterDescriptionsFilter(IOptions<Open311Options> options) : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        var description = (context.ParameterInfo?.GetCustomAttribute<DescriptionAttribute>() ?? context.PropertyInfo?.GetCustomAttribute<DescriptionAttribute>())?.Description;
        if (description is not null && parameter is OpenApiParameter editable)
        {
            editable.Description = DocumentedLimits.Fill(description, options.Value);
            // The generator copies it onto the schema too, unfilled: once is enough.
            if (editable.Schema is OpenApiSchema schema)
            {
                schema.Description = null;
            }
        }
    }
}
