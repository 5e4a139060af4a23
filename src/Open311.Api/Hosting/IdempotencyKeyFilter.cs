using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Open311.Api.Hosting;

/// <summary>Documents the <c>Idempotency-Key</c> header on every change that honours it (<see cref="IdempotencyKeyAccepted"/>).</summary>
public sealed class IdempotencyKeyFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeyAccepted>().Any()
            || !IdempotencyKeyAccepted.IsChange(context.ApiDescription.HttpMethod ?? ""))
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyAccepted.Header,
            In = ParameterLocation.Header,
            Description = $"Optional, 1 to {IdempotencyKeyAccepted.MaxKeyLength} visible ASCII characters (a UUID): a retry with the same key and the same call " +
                $"gets the first success again (with {IdempotencyKeyAccepted.ReplayedHeader}: true) and changes nothing; the same key with another call is a 422. " +
                "Keys are the caller's own and are kept Idempotency:KeepFor (24 hours by default).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKeyAccepted.MaxKeyLength },
        });
    }
}
