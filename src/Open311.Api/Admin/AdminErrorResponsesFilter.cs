using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Open311.Api.Auth;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Open311.Api.Admin;

/// <summary>
/// The refusals every admin operation shares, read from its metadata so that no registration has
/// to repeat them: 401 without a valid token, 403 under a stricter policy than reading, 400 for a
/// body that is not valid JSON, 404 for an id that names nothing the caller may see.
/// </summary>
public sealed class AdminErrorResponsesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var description = context.ApiDescription;
        if (description.RelativePath?.StartsWith(AdminApi.BasePath.TrimStart('/'), StringComparison.Ordinal) != true)
        {
            return;
        }

        var metadata = description.ActionDescriptor.EndpointMetadata;
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        var refusals = new List<(int Status, string Meaning)>();
        if (policies.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any())
        {
            refusals.Add((StatusCodes.Status401Unauthorized, "No valid staff token: missing, expired, or its account was deactivated or changed since"));
        }

        if (policies.Any(policy => policy is not null and not AuthRegistration.Policies.Read))
        {
            refusals.Add((StatusCodes.Status403Forbidden, "The token's role may not do this"));
        }

        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body))
        {
            refusals.Add((StatusCodes.Status400BadRequest, "The body is not valid JSON for this operation, or a required field is missing or null"));
        }

        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path && p.Name == "id"))
        {
            refusals.Add((StatusCodes.Status404NotFound, "Nothing with this id in the caller's jurisdiction (for staff: in their department)"));
        }

        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        operation.Responses ??= [];
        foreach (var (status, meaning) in refusals)
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
            {
                Description = meaning,
                Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = problem } },
            });
        }
    }
}
