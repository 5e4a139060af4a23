namespace Open311.Api.Hosting;

/// <summary>Configuration section <c>OpenApi</c>: whether Swagger UI and the generated document are served.</summary>
public sealed class ApiDocumentationOptions
{
    public const string Section = "OpenApi";

    /// <summary>
    /// Unset: served everywhere but Production, where a municipality turns them on for its integrators
    /// if it wants them (they list every admin operation, which is no secret but need not be advertised).
    /// </summary>
    public bool? Serve { get; set; }

    public bool Served(IHostEnvironment environment) => Serve ?? !environment.IsProduction();
}
