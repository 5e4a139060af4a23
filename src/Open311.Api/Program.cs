using Open311.Api.Admin;
using Open311.Api.Auth;
using Open311.Api.Citizens;
using Open311.Api.Dashboard;
using Open311.Api.GeoReport;
using Open311.Api.Hosting;
using Open311.Api.Report;

var builder = WebApplication.CreateBuilder(RetentionCommand.HostArguments(args));
builder.AddOpen311Data();
builder.AddOutbox();
builder.AddEscalation();
builder.AddPrivacy();
builder.AddLiveFeed();
builder.AddMessaging();
builder.AddCitizenMessages();
builder.AddWebhooks();
builder.AddGeoReport();
builder.AddStaffAuth();
builder.AddAdmin();
builder.AddCitizenPages();
builder.AddDashboard();
builder.AddReportPage();
builder.AddApiDocumentation();
builder.AddProxyAndHttps();
builder.AddHealth();
builder.AddIdempotency();
builder.AddTelemetry();

var app = builder.Build();
app.UseProxyAndHttps();
app.UseOpen311ErrorHandling();
app.UseCollapsedSlashes();
app.UseApiDocumentation();
app.UseDashboard();
app.UseReportPage();
app.UseRouting();
app.UseEdgeInputChecks();
app.UseGeoReportCalls();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotencyKeys();
app.MapGeoReport();
app.MapAdmin();
app.MapCitizenPages();
app.MapDashboard();
app.MapReportPage();
app.MapHealth();
app.MapMetrics();

if (RetentionCommand.IsAsked(args))
{
    await app.RunRetentionCommandAsync();
    return;
}

await app.PrepareDatabaseAsync();
app.AnnounceAddressesOnStart();
await app.RunAsync();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
