using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Png;
using Open311.Api.Hosting;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

public class PhotoTests(Open311App app) : IClassFixture<Open311App>
{
    private readonly GeoReportClient _client = app.GeoReport();

    private static byte[] PhotoWithGps() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Resources", "photo-with-gps.jpg"));

    private async Task<HttpResponseMessage> PostPhotoAsync(byte[] photo, string? contentType, string fileName = "photo.jpg")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(DemoData.ApiKey), "api_key" },
            { new StringContent("001"), "service_code" },
            { new StringContent("35.3380"), "lat" },
            { new StringContent("25.1400"), "long" },
            { new StringContent("Μπάζα στο πεζοδρόμιο"), "description" },
        };
        var file = new ByteArrayContent(photo);
        if (contentType is not null)
        {
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        form.Add(file, "media", fileName);
        return await _client.Http.PostAsync($"{GeoReportClient.Base}/requests.json", form);
    }

    private async Task<HttpResponseMessage> MediaAsync(HttpResponseMessage posted)
    {
        var body = await GeoReportClient.ReadJsonAsync(posted);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var request = await _client.GetRequestJsonAsync(body[0].GetProperty("service_request_id").GetString()!);
        var mediaUrl = new Uri(request.GetProperty("media_url").GetString()!);
        var media = await _client.Http.GetAsync(mediaUrl.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        return media;
    }

    private async Task<byte[]> StoredPhotoAsync(HttpResponseMessage posted, string expectedType)
    {
        var media = await MediaAsync(posted);
        Assert.Equal(expectedType, media.Content.Headers.ContentType?.MediaType);
        return await media.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Media_IsNeverSniffedRunOrShownInline_AsAPage()
    {
        var media = await MediaAsync(await PostPhotoAsync(PhotoWithGps(), "image/jpeg"));

        Assert.Equal("nosniff", media.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("default-src 'none'; sandbox", media.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("inline", media.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches("^[0-9a-f-]{36}\\.jpg$", media.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task JpegUpload_IsServedAtMediaUrlWithoutExifOrGps()
    {
        var original = PhotoWithGps();
        Assert.NotEmpty(ImageMetadataReader.ReadMetadata(new MemoryStream(original)).OfType<GpsDirectory>()); // the test photo does carry GPS

        // No Content-Type on the part, as Code for America's client sends it: the type comes from the bytes.
        var stored = await StoredPhotoAsync(await PostPhotoAsync(original, null), "image/jpeg");

        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(stored));
        Assert.Empty(directories.OfType<GpsDirectory>());
        Assert.Empty(directories.OfType<ExifIfd0Directory>());
        Assert.Empty(directories.OfType<ExifSubIfdDirectory>());
        Assert.DoesNotContain("SN-O311-0042", Encoding.Latin1.GetString(stored));
        Assert.Equal(original.Length - ExifSegmentLength(original), stored.Length); // only the metadata went
    }

    [Fact]
    public async Task JpegWithAnAppendedSecondImage_LosesItAndItsExif_ButKeepsTheColourProfile()
    {
        var photo = PhotoWithGps();
        byte[] icc = [0xFF, 0xE2, 0x00, 0x10, .. "ICC_PROFILE\0"u8.ToArray(), 1, 1];
        byte[] withProfile = [.. photo[..2], .. icc, .. photo[2..]];
        byte[] appended = [.. withProfile, .. photo]; // some phones append a preview JPEG, EXIF and all

        var stored = await StoredPhotoAsync(await PostPhotoAsync(appended, "image/jpeg"), "image/jpeg");

        Assert.Equal(withProfile.Length - ExifSegmentLength(photo), stored.Length);
        Assert.DoesNotContain("SN-O311-0042", Encoding.Latin1.GetString(stored));
        Assert.Contains("ICC_PROFILE", Encoding.Latin1.GetString(stored));
    }

    [Fact]
    public async Task PngUpload_LosesItsTextChunks()
    {
        var png = Png(("tEXt", Encoding.UTF8.GetBytes("Author\0Eleftheria Papadopoulou, Heraklion")), ("tIME", new byte[7]));

        var stored = await StoredPhotoAsync(await PostPhotoAsync(png, "image/png", "photo.png"), "image/png");

        var chunks = PngChunkTypes(stored);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks);
        Assert.DoesNotContain(ImageMetadataReader.ReadMetadata(new MemoryStream(stored)).OfType<PngDirectory>(),
            d => d.Name.Contains("tEXt", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not an image at all", "media must be a JPEG or PNG image")]
    [InlineData("GIF89a....", "media must be a JPEG or PNG image")]
    public async Task Upload_NotAPicture_Returns400(string content, string expected)
    {
        var response = await PostPhotoAsync(Encoding.ASCII.GetBytes(content), "image/jpeg");

        Assert.Contains(expected, await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Upload_TruncatedJpeg_Returns400()
    {
        var photo = PhotoWithGps();

        var response = await PostPhotoAsync(photo[..(photo.Length / 2)], "image/jpeg");

        Assert.Contains("not a valid JPEG", await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Upload_TooLarge_Returns400()
    {
        var photo = PhotoWithGps();
        var huge = new byte[(5 * 1024 * 1024) + 10];
        photo.CopyTo(huge, 0);

        var response = await PostPhotoAsync(huge, "image/jpeg");

        Assert.Contains("media must be at most 5 MB", await GeoReportClient.AssertJsonErrorAsync(response, HttpStatusCode.BadRequest));
    }

    private static int ExifSegmentLength(byte[] jpeg)
    {
        var position = 2;
        while (jpeg[position + 1] != 0xE1)
        {
            position += 2 + ((jpeg[position + 2] << 8) | jpeg[position + 3]);
        }

        return 2 + ((jpeg[position + 2] << 8) | jpeg[position + 3]);
    }

    /// <summary>A 1×1 grey PNG with the given ancillary chunks before its picture data.</summary>
    private static byte[] Png(params (string Type, byte[] Data)[] extra)
    {
        var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 1);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 1);
        header[8] = 8; // bit depth; colour type 0 (grey)
        WriteChunk(output, "IHDR", header);
        foreach (var (type, data) in extra)
        {
            WriteChunk(output, type, data);
        }

        var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write([0, 0x80]); // filter byte, one grey pixel
        }

        WriteChunk(output, "IDAT", pixels.ToArray());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        output.Write(length);
        output.Write(typeBytes);
        output.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        output.Write(crc);
    }

    /// <summary>PNG's CRC-32 (ISO 3309), bit by bit: slow, but these chunks are tiny.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static List<string> PngChunkTypes(byte[] png)
    {
        var types = new List<string>();
        for (var position = 8; position < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position));
            types.Add(Encoding.ASCII.GetString(png, position + 4, 4));
            position += 12 + length;
        }

        return types;
    }
}
