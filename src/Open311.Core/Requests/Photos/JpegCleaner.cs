namespace Open311.Core.Requests.Photos;

/// <summary>Rebuilds a JPEG keeping only the segments needed to show the picture.</summary>
internal static class JpegCleaner
{
    private const byte Marker = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;
    private const byte App0Jfif = 0xE0;
    private const byte App14Adobe = 0xEE;
    private const byte Comment = 0xFE;

    public static bool IsJpeg(ReadOnlySpan<byte> content) =>
        content.Length > 4 && content[0] == Marker && content[1] == StartOfImage && content[2] == Marker;

    /// <summary>Drops APP1–APP15 (EXIF, XMP, ICC, IPTC…) and comments, but keeps JFIF and Adobe colour-transform headers.</summary>
    public static byte[]? Strip(ReadOnlySpan<byte> content)
    {
        var output = new List<byte>(content.Length) { Marker, StartOfImage };
        var position = 2;
        while (position + 4 <= content.Length)
        {
            if (content[position] != Marker)
            {
                return null;
            }

            var marker = content[position + 1];
            if (marker == Marker)
            {
                position++; // fill byte
                continue;
            }

            var length = (content[position + 2] << 8) | content[position + 3];
            if (length < 2 || position + 2 + length > content.Length)
            {
                return null;
            }

            var segment = content.Slice(position, 2 + length);
            if (marker == StartOfScan)
            {
                // From here on it is entropy-coded picture data up to the end-of-image marker.
                var rest = content[position..];
                if (rest.Length < 2 || rest[^2] != Marker || rest[^1] != EndOfImage)
                {
                    return null;
                }

                output.AddRange(rest);
                return [.. output];
            }

            if (!IsMetadata(marker))
            {
                output.AddRange(segment);
            }

            position += 2 + length;
        }

        return null;
    }

    private static bool IsMetadata(byte marker) =>
        marker == Comment || (marker is >= 0xE0 and <= 0xEF && marker is not App0Jfif and not App14Adobe);
}
