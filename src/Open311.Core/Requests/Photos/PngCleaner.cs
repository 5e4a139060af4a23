using System.Buffers.Binary;
using System.Text;

namespace Open311.Core.Requests.Photos;

/// <summary>Rebuilds a PNG keeping only the chunks that affect how the picture looks.</summary>
internal static class PngCleaner
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // Critical chunks and the ancillary ones that change rendering; text, time and EXIF chunks go.
    private static readonly HashSet<string> Kept = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD"];

    public static bool IsPng(ReadOnlySpan<byte> content) => content.StartsWith(Signature);

    public static byte[]? Strip(ReadOnlySpan<byte> content)
    {
        var output = new List<byte>(content.Length);
        output.AddRange(Signature);
        var position = Signature.Length;
        var first = true;
        while (position + 12 <= content.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(content[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > content.Length)
            {
                return null;
            }

            var type = Encoding.ASCII.GetString(content.Slice(position + 4, 4));
            if (first && type != "IHDR")
            {
                return null;
            }

            first = false;
            var chunk = content.Slice(position, 12 + (int)length);
            if (Kept.Contains(type))
            {
                output.AddRange(chunk);
            }

            position += chunk.Length;
            if (type == "IEND")
            {
                return [.. output];
            }
        }

        return null;
    }
}
