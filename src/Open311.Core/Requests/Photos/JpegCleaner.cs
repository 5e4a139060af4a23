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
    private const byte App2 = 0xE2;
    private const byte Comment = 0xFE;

    public static bool IsJpeg(ReadOnlySpan<byte> content) =>
        content.Length > 4 && content[0] == Marker && content[1] == StartOfImage && content[2] == Marker;

    /// <summary>Drops EXIF, XMP, IPTC and comments; keeps the JFIF and Adobe headers and the ICC colour profile.</summary>
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
                // From here on it is picture data up to the end-of-image marker (0xFF inside the
                // data is always followed by 0x00 or a restart marker). Whatever follows the end,
                // such as a second JPEG with its own EXIF that some phones append, is dropped.
                var end = EndOfImageAt(content, position);
                if (end < 0)
                {
                    return null;
                }

                output.AddRange(content[position..(end + 2)]);
                return [.. output];
            }

            if (!IsMetadata(marker, segment))
            {
                output.AddRange(segment);
            }

            position += 2 + length;
        }

        return null;
    }

    /// <summary>APP1–APP15 (EXIF, XMP, IPTC…) and comments, except the colour profile: without it phone photos shift colour.</summary>
    private static bool IsMetadata(byte marker, ReadOnlySpan<byte> segment) =>
        marker == Comment
        || (marker is >= 0xE0 and <= 0xEF && marker is not App0Jfif and not App14Adobe
            && !(marker == App2 && segment[4..].StartsWith("ICC_PROFILE\0"u8)));

    private static int EndOfImageAt(ReadOnlySpan<byte> content, int from)
    {
        for (var i = from; i + 1 < content.Length; i++)
        {
            if (content[i] == Marker && content[i + 1] == EndOfImage)
            {
                return i;
            }
        }

        return -1;
    }
}
