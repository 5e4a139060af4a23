namespace Open311.Api.GeoReport.Wire;

/// <summary>One entry of an Open311 error array.</summary>
public sealed record Open311Error(int Code, string Description);

public static class Open311Errors
{
    /// <summary>The error array in the requested format; the HTTP status is the first error's code.</summary>
    public static WireResult Result(WireFormat format, IReadOnlyList<Open311Error> errors) =>
        new(format, writer =>
        {
            writer.StartList("errors");
            foreach (var error in errors)
            {
                writer.StartItem("error");
                writer.Integer("code", error.Code);
                writer.String("description", error.Description);
                writer.EndItem();
            }

            writer.EndDocument();
        }, errors[0].Code);

    public static WireResult BadRequest(WireFormat format, string description) => Result(format, [new(400, description)]);

    public static WireResult NotFound(WireFormat format, string description) => Result(format, [new(404, description)]);

    public static WireResult Forbidden(WireFormat format, string description) => Result(format, [new(403, description)]);
}
