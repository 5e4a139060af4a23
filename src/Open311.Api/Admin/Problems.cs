using Open311.Core;
using Open311.Core.Requests;

namespace Open311.Api.Admin;

/// <summary>The admin API's refusals, as RFC 9457 problem details.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static IResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", extensions: extensions);

    public static IResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult Invalid(IEnumerable<FieldError> errors) => Invalid(errors.Select(e => (e.Field, e.Message)));

    public static IResult Invalid(IEnumerable<(string Field, string Error)> errors) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Error).ToArray()));

    /// <summary>An administrative change: <paramref name="done"/> formats its result, the rest become problems.</summary>
    public static IResult From<T>(AdminResult<T> result, Func<T, IResult> done) => result.Outcome switch
    {
        AdminOutcome.Done => done(result.Value!),
        AdminOutcome.NotFound => NotFound(result.Message!),
        AdminOutcome.Conflict => Conflict(result.Message!),
        _ => Invalid(result.Errors),
    };

    /// <summary>
    /// An administrative change whose input has to be read first (texts in two forms, GeoJSON):
    /// what could not be read is refused at once, and only readable input reaches Core.
    /// </summary>
    public static async Task<IResult> FromAsync<T>(IReadOnlyList<FieldError> unreadable, Func<Task<AdminResult<T>>> change, Func<T, IResult> done) =>
        unreadable.Count > 0 ? Invalid(unreadable) : From(await change(), done);

    /// <summary>A refused change to a request; a refused transition lists the ones the caller may take.</summary>
    public static IResult From(HandlingResult result) => result.Outcome switch
    {
        HandlingOutcome.NotFound => NotFound(result.Message!),
        HandlingOutcome.Forbidden => Forbidden(result.Message!),
        HandlingOutcome.Invalid => BadRequest(result.Message!),
        _ => Conflict(result.Message!, result.Allowed is null ? null : new Dictionary<string, object?>
        {
            ["allowed_transitions"] = result.Allowed.Select(t => new { to = t.To.Code, requires_public_note = t.RequiresPublicNote }),
        }),
    };
}
