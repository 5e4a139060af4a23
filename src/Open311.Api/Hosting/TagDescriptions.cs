using Microsoft.OpenApi;
using Open311.Api.GeoReport;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Open311.Api.Hosting;

/// <summary>Says what each group of endpoints is for.</summary>
public sealed class TagDescriptions : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context) =>
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = Citizens.CitizenRegistration.Tag, Description = "What citizens open from their messages (follow a request, stop the messages; HTML) and the SMS gateway's reply callback." },
            new() { Name = GeoReportApi.Tag, Description = "The public Open311 GeoReport v2 API for civic apps: XML or JSON by suffix, Open311 error arrays. See spec/ for the extensions." },
        };
}
