using AutoMapper;
using Open311.Api.Admin;
using Open311.Api.GeoReport;

namespace Open311.Api.Hosting;

public static class ProjectionRegistration
{
    /// <summary>The AutoMapper projections from stored requests to what each API shows: one configuration, built once.</summary>
    public static void AddProjections(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<AutoMapper.IConfigurationProvider>(new MapperConfiguration(mapping =>
        {
            mapping.AddProfile<RequestViewProfile>();
            mapping.AddProfile<StaffRequestProfile>();
        }));
}
