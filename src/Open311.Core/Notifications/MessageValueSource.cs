using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311.Core.Catalog;
using Open311.Core.Citizens;
using Open311.Core.Data;
using Open311.Core.Messaging;
using Open311.Core.Requests;

namespace Open311.Core.Notifications;

/// <summary>
/// The values templates are filled with: those of a real message, and the worst cases a message of
/// the jurisdiction could carry, which an SMS template is checked against when saved.
/// </summary>
public sealed class MessageValueSource(Open311Db db, CitizenLinks links, IOptions<SmsOptions> sms)
{
    private readonly SmsOptions _sms = sms.Value;

    /// <summary>A request with its service and state loaded, as it now is, in the reader's language with the reader's unsubscribe link.</summary>
    public MessageValues For(ServiceRequest request, MessageReader reader, JurisdictionInfo info, IReadOnlyList<string> notes, DateTimeOffset at)
    {
        var jurisdiction = info.Jurisdiction;
        var language = new LanguageChoice(reader.Language, jurisdiction.DefaultLocale);
        var unsubscribe = reader.UnsubscribeLink(links);
        return new MessageValues(request.ProtocolNumber, request.Service.Name.In(language), request.State.Label.In(language), notes, links.Follow(request),
            unsubscribe, TimeZoneInfo.ConvertTime(at, info.Zone), jurisdiction.Name.In(language),
            DefaultTemplates.StopInstruction(reader.Language, _sms.ReplyKeyword, _sms.StopNumber, unsubscribe));
    }

    /// <summary>
    /// Every worst case: each category name with each state label the jurisdiction has in the
    /// language (a short Greek name can cost more than a long Latin one, UCS-2 halving the room),
    /// a protocol number of the widest year and count, and no note (notes are cut to fit).
    /// </summary>
    public async Task<List<MessageValues>> WorstCasesAsync(Jurisdiction jurisdiction, string language, CancellationToken cancellationToken)
    {
        var choice = new LanguageChoice(language, jurisdiction.DefaultLocale);
        var services = await db.Services.AsNoTracking().Where(s => s.JurisdictionId == jurisdiction.Id).Select(s => s.Name).ToListAsync(cancellationToken);
        var states = await db.Workflows.AsNoTracking().Where(w => w.JurisdictionId == jurisdiction.Id).SelectMany(w => w.States).Select(s => s.Label)
            .ToListAsync(cancellationToken);
        var protocol = ProtocolNumbers.Format(9999, 999_999);
        var unsubscribe = links.UnsubscribeOf(Guid.Empty);
        var follow = links.FollowOf(protocol, new string('X', FollowCodes.Length));
        var stop = DefaultTemplates.StopInstruction(language, _sms.ReplyKeyword, _sms.StopNumber, unsubscribe);
        return [.. from service in Texts(services, choice)
                   from state in Texts(states, choice)
                   select new MessageValues(protocol, service, state, [], follow, unsubscribe, DateTimeOffset.UnixEpoch, jurisdiction.Name.In(choice), stop)];
    }

    /// <summary>The distinct texts in the language; one empty one when there are none, so the other values are still tried.</summary>
    private static List<string> Texts(IEnumerable<LocalizedText> texts, LanguageChoice language) =>
        texts.Select(t => t.In(language)).Distinct().DefaultIfEmpty("").ToList();
}
