using Open311.Core.Messaging;

namespace Open311.Core.Notifications;

/// <summary>A template filled in for one message, on each channel.</summary>
public static class MessageText
{
    public sealed record Email(string Subject, string Body);

    public sealed record Sms(string Text, SmsLength Length);

    /// <summary>E-mail has room: every note, each its own paragraph.</summary>
    public static Email ForEmail(TemplateText template, MessageValues values)
    {
        var fields = values.With(string.Join("\n\n", values.Notes));
        return new Email(Placeholders.Fill(template.Subject ?? "", fields).ReplaceLineEndings(" "), Placeholders.Fill(template.Body, fields));
    }

    /// <summary>
    /// An SMS within <paramref name="maxSegments"/>: the notes are cut to what fits, with an
    /// ellipsis, and never the links. When even without notes the text takes more (a link longer
    /// than the template was checked with), it is sent without notes all the same: a longer SMS is better than none.
    /// </summary>
    public static Sms ForSms(TemplateText template, MessageValues values, int maxSegments)
    {
        var notes = string.Join(" / ", values.Notes);
        var whole = Render(template, values, notes);
        if (whole.Length.Count <= maxSegments || notes.Length == 0)
        {
            return whole;
        }

        // "..." keeps a GSM-7 text GSM-7, where "…" would make it UCS-2; in UCS-2 "…" is the shorter.
        var ellipsis = whole.Length.Encoding == SmsEncoding.Gsm7 ? "..." : "…";

        // The segment count only grows with the note's length (the encoding can only turn to UCS-2), so the longest note that fits is found by halving.
        var (fits, tooLong) = (0, notes.Length);
        while (tooLong - fits > 1)
        {
            var middle = (fits + tooLong) / 2;
            if (Render(template, values, Cut(notes, middle, ellipsis)).Length.Count <= maxSegments)
            {
                fits = middle;
            }
            else
            {
                tooLong = middle;
            }
        }

        return Render(template, values, Cut(notes, fits, ellipsis));
    }

    /// <summary>
    /// At most <paramref name="length"/> characters, ending at a word where there is one (never
    /// inside a surrogate pair), and the ellipsis; nothing at all for none.
    /// </summary>
    private static string Cut(string note, int length, string ellipsis)
    {
        if (length < note.Length && !char.IsWhiteSpace(note[length]) && note.LastIndexOf(' ', Math.Max(length - 1, 0)) is > 0 and var space)
        {
            length = space;
        }

        if (length > 0 && char.IsHighSurrogate(note[length - 1]))
        {
            length--;
        }

        return length == 0 ? "" : note[..length].TrimEnd(' ', '/') + ellipsis;
    }

    private static Sms Render(TemplateText template, MessageValues values, string note)
    {
        // One line: a line break costs as much as a character and reads badly on a phone.
        var text = Placeholders.Fill(template.Body.ReplaceLineEndings(" "), values.With(note.ReplaceLineEndings(" ")));
        return new Sms(text, SmsSegments.Measure(text));
    }
}
