using Microsoft.AspNetCore.Http.Features;

namespace Open311.Api.GeoReport;

public static class GeoReportRegistration
{
    public static void AddGeoReport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<Open311Options>().BindConfiguration(Open311Options.Section);
        var maxPhotoBytes = builder.Configuration.GetValue($"{Open311Options.Section}:MaxPhotoBytes", new Open311Options().MaxPhotoBytes);
        // Room for the photo plus the text fields; the photo's own limit gives the clearer error.
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = maxPhotoBytes + 1024 * 1024);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxPhotoBytes + 1024 * 1024);
        builder.Services.AddSingleton<GeoReportCallMiddleware>();
        builder.Services.AddSingleton<PublicUrls>();
        builder.Services.AddSingleton<ClientRateLimits>();

    }
}
