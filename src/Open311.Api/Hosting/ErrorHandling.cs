using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Open311.Api.GeoReport;
using Open311.Api.GeoReport.Wire;

namespace Open311.Api.Hosting;

/// <summary>
/// Failures answer in the format of the endpoint that failed: Open311 error arrays on the
/// GeoReport paths (a client that asked for .json must get JSON), ProblemDetails elsewhere.
/// </summary>
public static class ErrorHandling
{
    public static void UseOpen311ErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = StatusOf,
            // A client's malformed body, or losing a race to another client, is not an error of the service worth a stack trace.
            SuppressDiagnosticsCallback = context => StatusOf(context.Exception) != StatusCodes.Status500InternalServerError,
            ExceptionHandler = async context =>
            {
                var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var status = StatusOf(exception);
                if (IsGeoReport(context.Request.Path))
                {
                    var description = status switch
                    {
                        StatusCodes.Status500InternalServerError => "the server could not complete the request; please try again later",
                        StatusCodes.Status409Conflict => "another change was made at the same time; please try again",
                        _ => "the request could not be read",
                    };
                    await Open311Errors.Result(FormatOf(context.Request.Path), [new(status, description)]).ExecuteAsync(context);
                    return;
                }

                await Results.Problem(detail: Explain(exception), statusCode: status).ExecuteAsync(context);
            },
        });
        app.UseStatusCodePages();

        // Unknown paths under the API base still answer with an Open311 error, in the asked format.
        app.MapFallback($"{GeoReportApi.BasePath}/{{**path}}", (HttpContext context) =>
            Open311Errors.NotFound(FormatOf(context.Request.Path), $"no such endpoint: {context.Request.Path}"))
            .ExcludeFromDescription();
    }

    /// <summary>
    /// A unique or foreign-key violation means a concurrent change won the race between a check
    /// and a write (two admins creating the same code at once): a conflict, not a failure.
    /// </summary>
    private static int StatusOf(Exception? exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation } }
            => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>What the client sent wrong, naming the JSON field when there is one; nothing for the service's own failures.</summary>
    private static string? Explain(Exception? exception) => exception switch
    {
        DbUpdateException when StatusOf(exception) == StatusCodes.Status409Conflict => "another change was made at the same time and conflicts with this one; read again and retry",
        BadHttpRequestException { InnerException: JsonException { Path: { } path } } =>
            $"the body is not valid JSON for this endpoint at {path}: a value is missing, malformed or of the wrong type",
        BadHttpRequestException { InnerException: JsonException } => "the body is not valid JSON",
        BadHttpRequestException bad => bad.Message,
        _ => null,
    };

    private static bool IsGeoReport(PathString path) =>
        path.StartsWithSegments(GeoReportApi.BasePath) || path.StartsWithSegments("/discovery.json") || path.StartsWithSegments("/discovery.xml");

    private static WireFormat FormatOf(PathString path) =>
        path.Value?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? WireFormat.Json : WireFormat.Xml;
}
