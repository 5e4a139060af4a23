using System.Net.Mail;

namespace Open311.Core.Requests;

/// <summary>The checks every text a client sends must pass, whichever use case it is for: one wording of each rule.</summary>
internal static class FieldChecks
{
    public const int MaxFieldLength = 255;

    /// <summary>Adds why <paramref name="value"/> is refused: too long, or holding characters Open311's XML cannot carry.</summary>
    public static void Text(List<IntakeError> errors, string name, string? value, int maxLength = MaxFieldLength)
    {
        if (value?.Length > maxLength)
        {
            errors.Add(new($"{name} must be at most {maxLength} characters"));
        }
        else if (value is not null && !PlainText.IsAllowed(value))
        {
            errors.Add(new($"{name} contains control characters, which are not allowed"));
        }
    }

    public static void MediaUrl(List<IntakeError> errors, string? url)
    {
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || url.Length > 2048))
        {
            errors.Add(new("media_url must be an absolute http or https URL"));
        }
    }

    public static void Email(List<IntakeError> errors, string? email)
    {
        // One bare address: MailAddress parses the syntax, and must give back exactly what was sent (no display name, no spaces).
        if (email is not null && (email.Length > MaxFieldLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email
            || parsed.Host.Length == 0 || parsed.User.Length == 0 || email.Any(char.IsWhiteSpace)))
        {
            errors.Add(new("email is not a valid e-mail address"));
        }
    }
}
