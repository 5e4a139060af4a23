namespace Open311.Core.Requests.Photos;

/// <summary>
/// Accepts a JPEG or PNG by its content (never by its name or declared type) and returns it
/// without metadata: EXIF (with GPS and device serials), XMP, IPTC, comments, text chunks.
/// The picture data is copied as it is, so nothing is re-encoded and nothing is lost.
/// </summary>
public static class ImageSanitizer
{
    /// <summary>The cleaned image, or null with the reason it is not an acceptable picture.</summary>
    public static (UploadedImage? Image, string? Error) Sanitize(ReadOnlySpan<byte> content)
    {
        if (JpegCleaner.IsJpeg(content))
        {
            var cleaned = JpegCleaner.Strip(content);
            return cleaned is null ? (null, "media is not a valid JPEG image") : (new UploadedImage("image/jpeg", cleaned), null);
        }

        if (PngCleaner.IsPng(content))
        {
            var cleaned = PngCleaner.Strip(content);
            return cleaned is null ? (null, "media is not a valid PNG image") : (new UploadedImage("image/png", cleaned), null);
        }

        return (null, "media must be a JPEG or PNG image");
    }
}
