using System.ComponentModel;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;

namespace Open311.Api.GeoReport;

/// <summary>Serves uploaded photos at the request's <c>media_url</c>.</summary>
public static class MediaEndpoint
{
    public static void MapMedia(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/media/{id:guid}", GetMedia)
            .WithName("GetMedia")
            .WithSummary("An uploaded photo")
            .WithDescription("The photo as stored: JPEG or PNG, with its metadata removed. Photos of citizens' staff-only updates are not served.")
            .Produces<byte[]>(StatusCodes.Status200OK, "image/jpeg", "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> GetMedia([Description("The photo, as in a request's media_url.")] Guid id, Open311ReadDb reads, Open311Db primary,
        HttpResponse response, CancellationToken cancellationToken)
    {
        // The media_url of a request just submitted may be opened before the standby has the photo.
        var (media, _) = await reads.FindAsync(primary, db => db.RequestMedia.AsNoTracking()
            // A public request's own photo only: a citizen's follow-up photo goes with a staff-only event.
            .Where(m => m.Id == id && db.Requests.Any(r => r.Id == m.RequestId && r.Service.IsPublic && r.MediaId == m.Id))
            .Select(m => new { m.ContentType, m.Content })
            .FirstOrDefaultAsync(cancellationToken), found => found is not null);
        if (media is null)
        {
            return TypedResults.NotFound();
        }

        // The bytes came from a citizen: a browser must take them as the image type stored, never sniff
        // them into a page or script, run nothing if opened directly, and save them under a name of ours.
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        var extension = media.ContentType == "image/png" ? "png" : "jpg";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = $"{id}.{extension}" }.ToString();
        return TypedResults.File(media.Content, media.ContentType);
    }
}
