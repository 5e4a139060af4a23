namespace Open311.Core;

/// <summary>The spelling Open311 uses for enumerated values, on the wire and in the database: <c>singlevaluelist</c>, <c>open</c>.</summary>
public static class Open311Names
{
    public static string ToOpen311<T>(this T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
