using System.Reflection;

namespace Open311.Api.GeoReport;

/// <summary>
/// Binds a parameters record from a GeoReport call: each <see cref="WireAttribute"/> property
/// gets its parameter, from the form or the query string, blank read as absent (Open311's rule).
/// </summary>
public static class WireBinding
{
    public static T Bind<T>(GeoReportParameters parameters) where T : new()
    {
        var bound = new T();
        foreach (var (property, wire) in Fields<T>.All)
        {
            property.SetValue(bound, parameters.Get(wire.Name));
        }

        return bound;
    }

    public static ValueTask<T?> BindAsync<T>(HttpContext context) where T : class, new() =>
        ValueTask.FromResult<T?>(Bind<T>(GeoReportCall.Of(context).Parameters));

    /// <summary>What a parameters type declares: its bound properties' parameters, then those it reads itself (declared on the type).</summary>
    public static IEnumerable<WireAttribute> Declared(Type type) =>
        type.GetProperties().SelectMany(p => p.GetCustomAttributes<WireAttribute>()).Concat(type.GetCustomAttributes<WireAttribute>());

    public static bool IsParameters(Type type) => Declared(type).Any();

    private static class Fields<T>
    {
        public static readonly (PropertyInfo Property, WireAttribute Wire)[] All =
            [.. from property in typeof(T).GetProperties() let wire = property.GetCustomAttribute<WireAttribute>() where wire is not null select (property, wire)];
    }
}
