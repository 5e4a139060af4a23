using Microsoft.AspNetCore.Identity;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Open311.Api.Admin;

public static class AdminRegistration
{
    /// <summary>JSON in snake_case like Open311's fields, enums spelt as Open311 spells them (<c>singlevaluelist</c>), errors as ProblemDetails.</summary>
    public static void AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            // A missing or null field that the input record does not mark optional is a 400, not a null deep inside.
            json.SerializerOptions.RespectNullableAnnotations = true;
            json.SerializerOptions.RespectRequiredConstructorParameters = true;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(new LowercaseNamingPolicy(), allowIntegerValues: false));
        });
        builder.Services.AddProblemDetails();
        // Malformed JSON bodies and parameters surface as exceptions, which the error handler turns into ProblemDetails.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddScoped<Admin.RequestDetails>();
        builder.Services.AddScoped<Core.Exports.RequestExport>();
        builder.Services.AddScoped<Core.Routing.RoutingAdministration>();
        builder.Services.AddScoped<Core.ServiceLevels.ServiceLevelAdministration>();
        builder.Services.AddScoped<Core.Clients.ClientAdministration>();
        builder.Services.AddScoped<Core.Webhooks.WebhookAdministration>();
        builder.Services.AddScoped<Core.Escalation.EscalationRuleAdministration>();
        builder.Services.AddScoped<Core.Catalog.DepartmentAdministration>();
        builder.Services.AddScoped<Core.Catalog.CategoryAdministration>();
        builder.Services.AddScoped<Core.Duplicates.DuplicateCheckAdministration>();
        builder.Services.AddScoped<Core.Catalog.LanguageAdministration>();
        builder.Services.AddScoped<Core.Catalog.JurisdictionAreaAdministration>();
        builder.Services.AddScoped<Core.Workflow.WorkflowAdministration>();
        builder.Services.AddScoped<Core.Calendar.CalendarAdministration>();
        builder.Services.AddScoped<Core.WorkOrders.WorkOrderSettingsAdministration>();
        builder.Services.AddScoped<Core.Staff.SignInLockout>();
        builder.Services.AddScoped(services => new Core.Staff.StaffAdministration(services.GetRequiredService<Core.Data.Open311Db>(),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IPasswordHasher<Core.Staff.StaffAccount>>().HashPassword));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Admin.StaffLanguage>();
    }

    private sealed class LowercaseNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
