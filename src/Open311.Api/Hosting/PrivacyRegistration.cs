using Open311.Core.Privacy;

namespace Open311.Api.Hosting;

public static class PrivacyRegistration
{
    /// <summary>The contact-retention job on every instance (each batch claims its own rows), and the data-subject use cases.</summary>
    public static void AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
        builder.Services.AddSingleton<ContactRetention>();
        builder.Services.AddHostedService<RetentionWorker>();
        builder.Services.AddScoped<RetentionAdministration>();
        builder.Services.AddScoped<DataSubjects>();
    }
}
