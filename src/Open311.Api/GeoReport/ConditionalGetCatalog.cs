using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Open311.Api.GeoReport.Wire;
using Open311.Core.Catalog;

namespace Open311.Api.GeoReport;

/// <summary>
/// The output cache of GET services and GET services/{code}: each answer rendered once per catalogue snapshot,
/// format and language, and kept with its strong tag. It hangs on the <see cref="CatalogSnapshot"/> itself, so it is
/// forgotten exactly when <see cref="CatalogCache"/> forgets the snapshot: after a change saved here or notified by
/// PostgreSQL (every instance hears every change), and at once while the notices do not arrive (each call's snapshot
/// is then new).
/// </summary>
public sealed class ConditionalGetCatalog
{
    /// <summary>What an answer depends on besides the snapshot: the service (none for the list), the format and the language.</summary>
    public sealed record Key(string? ServiceCode, WireFormat Format, LanguageChoice Language);

    private readonly ConditionalWeakTable<CatalogSnapshot, ConcurrentDictionary<Key, RenderedAnswer>> _kept = [];

    public RenderedAnswer For(CatalogSnapshot snapshot, Key key, Action<IWireWriter, CatalogSnapshot, Key> write) =>
        _kept.GetValue(snapshot, static _ => new()).GetOrAdd(key, static (key, state) => Render(state.snapshot, key, state.write), (snapshot, write));

    private static RenderedAnswer Render(CatalogSnapshot snapshot, Key key, Action<IWireWriter, CatalogSnapshot, Key> write)
    {
        using var buffer = WireResult.Render(key.Format, writer => write(writer, snapshot, key));
        var body = buffer.ToArray();
        return new RenderedAnswer(key.Format, body, ConditionalGet.StrongTag(body), snapshot.Version.ChangedAt);
    }
}

/// <summary>A 200 rendered once and kept: its bytes and its validators; or, to a client whose copy is current, a 304.</summary>
public sealed class RenderedAnswer(WireFormat format, byte[] body, string tag, DateTimeOffset? lastModified) : IResult
{
    public IResult To(HttpRequest request) => ConditionalGet.IsCurrent(request, tag, lastModified) ? ConditionalGet.NotModified(tag, lastModified) : this;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ConditionalGet.Describe(httpContext.Response, tag, lastModified);
        return WireResult.Send(httpContext, format, StatusCodes.Status200OK, body);
    }
}
