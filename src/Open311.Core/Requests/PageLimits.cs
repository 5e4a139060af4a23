namespace Open311.Core.Requests;

public static class PageLimits
{
    /// <summary>The deepest page any list serves: enough for any real walk through the pages, and far from overflowing the row offset.</summary>
    public const int MaxPage = 100_000;
}
