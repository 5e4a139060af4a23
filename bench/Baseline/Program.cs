using Npgsql;
using Open311.Bench.Baseline;

// What the hardware allows for the GeoReport calls the benchmark makes: Kestrel's routing, one
// hand-written, prepared SQL statement per call through Npgsql, JSON written straight to the response.
// No EF Core, no AutoMapper, no middleware. Same paths as the service so the same wrk scripts
// drive both.
var builder = WebApplication.CreateSlimBuilder(args);
// As the service's appsettings.json: no log line per request.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Open311") is { Length: > 0 } configured
    ? configured
    : throw new InvalidOperationException("Set ConnectionStrings__Open311.");

// Every statement is prepared on each pooled connection at its second use. The radius query gets sessions
// that plan each execution for its own parameters (bench/README.md, "Plans of the baseline").
// Connections go back to the pool without Npgsql's reset (the baseline leaves no session state), as the service's do.
var prepared = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 20, AutoPrepareMinUsages = 2, NoResetOnClose = true };
await using var dataSource = NpgsqlDataSource.Create(prepared.ConnectionString);
await using var customPlans = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(prepared.ConnectionString)
{
    Options = "-c plan_cache_mode=force_custom_plan",
    ApplicationName = $"{prepared.ApplicationName} (custom plans)",
}.ConnectionString);
var catalog = await Catalog.LoadAsync(dataSource);
var api = new BaselineApi(dataSource, customPlans, catalog, TimeProvider.System);

var app = builder.Build();
app.MapGet("/open311/v2/services.json", api.ServicesAsync);
app.MapGet("/open311/v2/services/{code}.json", api.DefinitionAsync);
app.MapGet("/open311/v2/requests/{id}.json", api.RequestAsync);
app.MapGet("/open311/v2/requests.json", api.ListAsync);
app.MapPost("/open311/v2/requests.json", api.SubmitAsync);
app.MapGet("/health", () => "ok");
await app.RunAsync();
