using System.Text.RegularExpressions;

namespace Open311.Api.Hosting;

/// <summary>
/// Treats "//" in a path as "/": some clients build URLs as base + "/services.xml" from a base
/// that already ends in a slash (the SeeClickFix validator among them).
/// </summary>
public static partial class SlashCollapsing
{
    [GeneratedRegex("/{2,}")]
    private static partial Regex RepeatedSlashes();

    public static IApplicationBuilder UseCollapsedSlashes(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.Value is { } path && path.Contains("//", StringComparison.Ordinal))
        {
            context.Request.Path = new PathString(RepeatedSlashes().Replace(path, "/"));
        }

        return next(context);
    });
}
