using Microsoft.AspNetCore.Http.Features;

namespace Open311.Api.GeoReport;

public static class GeoReportRegistration
{
    public static void AddGeoReport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<Open311Options>().BindConfiguration(Open311Options.Section);
        // Unset, addresses are built from the Host header, which only AllowedHosts keeps honest: fine on a
        // developer's machine, not for the addresses a municipality hands to every civic app.
        if (builder.Environment.IsProduction() && string.IsNullOrWhiteSpace(builder.Configuration[$"{Open311Options.Section}:PublicBaseUrl"]))
        {
            throw new InvalidOperationException(
                $"{Open311Options.Section}:PublicBaseUrl is not set in Production: set it to the API base the public reaches, e.g. https://open311.example.gr/open311/v2.");
        }

        var maxPhotoBytes = builder.Configuration.GetValue($"{Open311Options.Section}:MaxPhotoBytes", new Open311Options().MaxPhotoBytes);
        // Room for the photo plus the text fields; the photo's own limit gives the clearer error.
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = maxPhotoBytes + 1024 * 1024);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxPhotoBytes + 1024 * 1024);
        builder.Services.AddSingleton<PublicUrls>();
        builder.Services.AddSingleton<ConditionalGetCatalog>();
        builder.Services.AddSingleton<PublicRequestLookup>();
    }
}
