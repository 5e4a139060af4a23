using Open311.Core.Escalation;

namespace Open311.Api.Hosting;

public static class EscalationRegistration
{
    /// <summary>The planner every request change asks, and the worker that fires escalation rules on every instance.</summary>
    public static void AddEscalation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.Section);
        builder.Services.AddScoped<EscalationPlanner>();
        builder.Services.AddHostedService<EscalationWorker>();
    }
}
