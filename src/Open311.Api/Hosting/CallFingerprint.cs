using System.Security.Cryptography;
using System.Text;

namespace Open311.Api.Hosting;

/// <summary>
/// What makes two calls "the same" for an Idempotency-Key: method, path, query and body, as SHA-256.
/// A form is taken field by field (files by their content), so a client library that retries with a new
/// multipart boundary still sends the same call.
/// </summary>
public static class CallFingerprint
{
    public static async Task<byte[]> OfAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "");
        request.EnableBuffering();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                Add(hash, field.Key, field.Value.ToString());
            }

            foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                Add(hash, file.Name, file.FileName, file.ContentType);
                await using var content = file.OpenReadStream();
                hash.AppendData(await SHA256.HashDataAsync(content, cancellationToken));
            }
        }
        else
        {
            await using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy, cancellationToken);
            hash.AppendData(copy.GetBuffer(), 0, (int)copy.Length);
        }

        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }

    /// <summary>Each part with its length first, so no two different calls run together into the same bytes.</summary>
    private static void Add(IncrementalHash hash, params string[] parts)
    {
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }
    }
}
