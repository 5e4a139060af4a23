using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Open311.Api.Auth;
using Open311.Api.Citizens;
using Open311.Api.GeoReport;
using Open311.Core.Data;

namespace Open311.Api.Hosting;

/// <summary>
/// Failures answer in the format of the endpoint that failed: Open311 error arrays on the
/// GeoReport paths (<see cref="GeoReportErrors"/>), ProblemDetails elsewhere.
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
                if (status == StatusCodes.Status503ServiceUnavailable)
                {
                    var options = context.RequestServices.GetRequiredService<IOptions<AvailabilityOptions>>().Value;
                    context.Response.Headers.RetryAfter = RetryAfter.Seconds(options.RetryAfter);
                    context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorHandling))
                        .LogWarning("Answered 503: PostgreSQL is unavailable ({Reason})", exception!.GetBaseException().Message);
                }

                if (status == StatusCodes.Status503ServiceUnavailable && UnavailablePage.Covers(context.Request.Path))
                {
                    await UnavailablePage.WriteAsync(context);
                    return;
                }

                if (GeoReportErrors.Covers(context.Request.Path))
                {
                    await GeoReportErrors.WriteAsync(context, status);
                    return;
                }

                await Results.Problem(detail: Explain(exception), statusCode: status).ExecuteAsync(context);
            },
        });
        app.UseStatusCodePages();
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
        _ when DatabaseUnavailable.Is(exception) => StatusCodes.Status503ServiceUnavailable,
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
        _ when StatusOf(exception) == StatusCodes.Status503ServiceUnavailable => "the service cannot reach its database for a moment; retry after the seconds Retry-After gives",
        _ => null,
    };
}
