namespace Open311.Core.Catalog;

/// <summary>How a service answers a submission (GeoReport v2 <c>type</c>).</summary>
public enum ServiceType
{
    /// <summary>The request id is returned at once.</summary>
    Realtime,
    /// <summary>A token is returned; <c>tokens/{token}</c> resolves it to the request id.</summary>
    Batch,
    /// <summary>Neither id nor token is returned.</summary>
    Blackbox,
}
