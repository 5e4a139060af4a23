using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311.Core.Audit;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Messaging;
using Open311.Core.Staff;

namespace Open311.Core.Notifications;

/// <summary>
/// The wording of citizens' messages: the jurisdiction's own where an administrator wrote one,
/// else the built-in default; and the administration of those overrides, checked and audited.
/// </summary>
public sealed class MessageTemplates(Open311Db db, MessageValueSource values, IOptions<SmsOptions> sms, TimeProvider clock)
{
    /// <summary>One template as administrators see it.</summary>
    public sealed record Entry(MessageKind Kind, MessageChannel Channel, string Language, string? Subject, string Body, bool IsDefault);

    public async Task<TemplateText> EffectiveAsync(string jurisdictionId, MessageKind kind, MessageChannel channel, string language,
        CancellationToken cancellationToken) =>
        await db.MessageTemplates.AsNoTracking()
            .Where(t => t.JurisdictionId == jurisdictionId && t.Kind == kind && t.Channel == channel && t.Language == language)
            .Select(t => new TemplateText(t.Subject, t.Body, false))
            .FirstOrDefaultAsync(cancellationToken)
        ?? DefaultTemplates.For(kind, channel, language);

    /// <summary>Every kind on every channel in every enabled language, as messages would now be written.</summary>
    public async Task<List<Entry>> ListAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        var jurisdiction = await db.JurisdictionAsync(jurisdictionId, cancellationToken);
        var overrides = await db.MessageTemplates.AsNoTracking().Where(t => t.JurisdictionId == jurisdictionId).ToListAsync(cancellationToken);
        return [.. from kind in Enum.GetValues<MessageKind>()
                   from channel in Enum.GetValues<MessageChannel>()
                   from language in jurisdiction.Languages
                   let own = overrides.FirstOrDefault(t => t.Kind == kind && t.Channel == channel && t.Language == language)
                   select own is null ? View(kind, channel, language, DefaultTemplates.For(kind, channel, language)) : View(own)];
    }

    public async Task<AdminResult<Entry>> SetAsync(StaffActor actor, string kind, string channel, string language, string? subject, string? body,
        CancellationToken cancellationToken)
    {
        var (key, jurisdiction, notFound) = await FindAsync(actor, kind, channel, language, cancellationToken);
        if (notFound is not null)
        {
            return notFound;
        }

        var worstCases = await values.WorstCasesAsync(jurisdiction!, key.Language, cancellationToken);
        var errors = TemplateRules.Check(key.Channel, subject, body, worstCases, sms.Value.MaxSegments);
        if (errors.Count > 0)
        {
            return AdminResult<Entry>.Invalid(errors);
        }

        var template = await StoredAsync(actor.JurisdictionId, key, cancellationToken);
        if (template is null)
        {
            template = MessageTemplate.For(actor.JurisdictionId, key.Kind, key.Channel, key.Language);
            db.MessageTemplates.Add(template);
        }

        template.Reword(key.Channel == MessageChannel.Email ? subject : null, body!);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<Entry>.Done(View(template));
    }

    /// <summary>Back to the built-in wording; the default it now uses is the answer.</summary>
    public async Task<AdminResult<Entry>> ResetAsync(StaffActor actor, string kind, string channel, string language, CancellationToken cancellationToken)
    {
        var (key, _, notFound) = await FindAsync(actor, kind, channel, language, cancellationToken);
        if (notFound is not null)
        {
            return notFound;
        }

        if (await StoredAsync(actor.JurisdictionId, key, cancellationToken) is { } template)
        {
            db.MessageTemplates.Remove(template);
            await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        }

        return AdminResult<Entry>.Done(View(key.Kind, key.Channel, key.Language, DefaultTemplates.For(key.Kind, key.Channel, key.Language)));
    }

    private sealed record Key(MessageKind Kind, MessageChannel Channel, string Language);

    /// <summary>The template named by the path: a kind and channel there are, in a language the jurisdiction has enabled.</summary>
    private async Task<(Key Key, Jurisdiction? Jurisdiction, AdminResult<Entry>? NotFound)> FindAsync(StaffActor actor, string kind, string channel,
        string language, CancellationToken cancellationToken)
    {
        var jurisdiction = await db.JurisdictionAsync(actor.JurisdictionId, cancellationToken);
        if (!TryParse<MessageKind>(kind, out var parsedKind) || !TryParse<MessageChannel>(channel, out var parsedChannel)
            || !jurisdiction.Languages.Contains(language))
        {
            return (new Key(default, default, language), null, AdminResult<Entry>.NotFound(
                $"no template {kind}/{channel}/{language}: kinds are recorded, updated and closed, channels email and sms, languages those enabled"));
        }

        return (new Key(parsedKind, parsedChannel, language), jurisdiction, null);
    }

    private Task<MessageTemplate?> StoredAsync(string jurisdictionId, Key key, CancellationToken cancellationToken) =>
        db.MessageTemplates.FirstOrDefaultAsync(t => t.JurisdictionId == jurisdictionId && t.Kind == key.Kind && t.Channel == key.Channel
            && t.Language == key.Language, cancellationToken);

    /// <summary>Only the names the API spells (<c>recorded</c>, <c>email</c>…): Enum.TryParse would also take <c>1</c> or <c>email,sms</c>.</summary>
    private static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        var named = Enum.GetValues<T>().Where(v => string.Equals(v.ToOpen311(), text, StringComparison.OrdinalIgnoreCase)).ToList();
        value = named.FirstOrDefault();
        return named.Count == 1;
    }

    private static Entry View(MessageTemplate template) =>
        new(template.Kind, template.Channel, template.Language, template.Subject, template.Body, IsDefault: false);

    private static Entry View(MessageKind kind, MessageChannel channel, string language, TemplateText text) =>
        new(kind, channel, language, text.Subject, text.Body, text.IsDefault);
}
