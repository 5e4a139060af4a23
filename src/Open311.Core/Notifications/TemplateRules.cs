using Open311.Core.Messaging;

namespace Open311.Core.Notifications;

/// <summary>
/// What a template must be to be saved: only known placeholders, the links every message must
/// carry, and for SMS no more than the configured segments even with the longest values the
/// jurisdiction could put in it.
/// </summary>
public static class TemplateRules
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 4000;

    public static List<FieldError> Check(MessageChannel channel, string? subject, string? body, IReadOnlyList<MessageValues> worstCases, int maxSegments)
    {
        var errors = new List<FieldError>();
        if (channel == MessageChannel.Sms && !string.IsNullOrEmpty(subject))
        {
            errors.Add(new("subject", "an SMS has no subject: leave it out"));
        }
        else if (channel == MessageChannel.Email)
        {
            CheckText(errors, "subject", subject, MaxSubjectLength, oneLine: true);
        }

        CheckText(errors, "body", body, MaxBodyLength, oneLine: false);
        if (errors.Count > 0 || body is null)
        {
            return errors;
        }

        var missing = Placeholders.RequiredIn(channel).Except(Placeholders.In(body)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new("body", $"must contain {string.Join(" and ", missing.Select(p => $"{{{p}}}"))}: every message carries a way to follow the request and to stop the messages"));
        }

        if (channel == MessageChannel.Sms && missing.Count == 0)
        {
            var template = new TemplateText(null, body, IsDefault: false);
            var length = worstCases.Select(values => MessageText.ForSms(template, values, maxSegments).Length)
                .MaxBy(l => (l.Count, l.Units));
            if (length is not null && length.Count > maxSegments)
            {
                errors.Add(new("body", $"with the longest values it could carry ({length.Units} characters, {length.Encoding}) it takes {length.Count} SMS segments; " +
                    $"at most {maxSegments} are allowed ({SmsOptions.Section}:{nameof(SmsOptions.MaxSegments)})"));
            }
        }

        return errors;
    }

    private static void CheckText(List<FieldError> errors, string field, string? text, int maxLength, bool oneLine)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(field, "required"));
            return;
        }

        if (text.Length > maxLength || !PlainText.IsAllowed(text) || (oneLine && text.Contains('\n')))
        {
            errors.Add(new(field, $"at most {maxLength} characters of plain text{(oneLine ? " on one line" : "")}"));
        }

        var unknown = Placeholders.In(text).Where(p => !Placeholders.All.Contains(p)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new(field, $"unknown placeholder {string.Join(", ", unknown.Select(p => $"{{{p}}}"))}; known: " +
                string.Join(", ", Placeholders.All.Select(p => $"{{{p}}}"))));
        }
    }
}
