namespace Open311.Core.Notifications;

/// <summary>
/// A jurisdiction's own wording of one kind of message on one channel in one language, in place
/// of the built-in default (<see cref="DefaultTemplates"/>). Checked when saved (<see cref="TemplateRules"/>).
/// </summary>
public class MessageTemplate
{
    public long Id { get; private set; }
    public string JurisdictionId { get; private set; } = "";
    public MessageKind Kind { get; private set; }
    public MessageChannel Channel { get; private set; }
    public string Language { get; private set; } = "";
    /// <summary>E-mail only.</summary>
    public string? Subject { get; private set; }
    public string Body { get; private set; } = "";

    internal static MessageTemplate For(string jurisdictionId, MessageKind kind, MessageChannel channel, string language) =>
        new() { JurisdictionId = jurisdictionId, Kind = kind, Channel = channel, Language = language };

    internal void Reword(string? subject, string body) => (Subject, Body) = (subject, body);
}

/// <summary>The wording a message is written with: an override's or the default's.</summary>
public sealed record TemplateText(string? Subject, string Body, bool IsDefault);
