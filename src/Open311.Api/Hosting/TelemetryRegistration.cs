using Npgsql;
using Open311.Core.Escalation;
using Open311.Core.Outbox;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Open311.Api.Hosting;

/// <summary>
/// OpenTelemetry: metrics for Prometheus (HTTP server and client, PostgreSQL through Npgsql, the runtime, the
/// outbox and escalations) unless <c>Metrics:Enabled</c> is false, and traces only when an OTLP collector is named
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>): without one, no span is made,
/// so requests pay nothing for tracing.
/// </summary>
public static class TelemetryRegistration
{
    private const string DefaultServiceName = "open311";
    private const string RoutingMatchAttempts = "aspnetcore.routing.match_attempts";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        var metrics = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? DefaultServiceName));
        if (metrics.Enabled)
        {
            telemetry.WithMetrics(meters => meters
                .AddAspNetCoreInstrumentation()
                // One more update per call that says nothing the request duration's http_route does not.
                .AddView(RoutingMatchAttempts, MetricStreamConfiguration.Drop)
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OutboxTelemetry.Name, EscalationTelemetry.Name)
                .AddPrometheusExporter());
        }

        if (CollectorNamed(builder.Configuration))
        {
            telemetry.WithTracing(traces => traces
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !IsProbeOrScrape(http.Request.Path, metrics.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(OutboxTelemetry.Name, EscalationTelemetry.Name)
                .AddOtlpExporter());
        }
    }

    private static bool CollectorNamed(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]);

    /// <summary>Health probes and scrapes come every few seconds and tell nothing a trace would.</summary>
    private static bool IsProbeOrScrape(PathString path, string metricsPath) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(metricsPath);
}
