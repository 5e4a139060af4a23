using Open311.Api.GeoReport;
using Open311.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddOpen311Data();
builder.AddGeoReport();
builder.AddApiDocumentation();

var app = builder.Build();
app.UseOpen311ErrorHandling();
app.UseCollapsedSlashes();
app.UseApiDocumentation();
app.UseRouting();
app.UseGeoReportCalls();
app.MapGeoReport();
app.MapHealthChecks("/health");

await app.PrepareDatabaseAsync();
app.AnnounceAddressesOnStart();
await app.RunAsync();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
