using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Audit;
using Open311.Core.Data;
using Open311.Core.Staff;

namespace Open311.Core.Catalog;

/// <summary>
/// The languages a jurisdiction keeps and serves its texts in, and its default: checked here,
/// saved with their audit record. Texts in a language that is disabled are kept, not served.
/// </summary>
public sealed partial class LanguageAdministration(Open311Db db, TimeProvider clock)
{
    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();

    public async Task<AdminResult<Jurisdiction>> SetAsync(StaffActor actor, string defaultLanguage, IReadOnlyList<string>? enabled,
        CancellationToken cancellationToken)
    {
        if (enabled is not { Count: > 0 } || enabled.Any(l => l is null || !LanguageCode().IsMatch(l)) || enabled.Distinct().Count() != enabled.Count)
        {
            return AdminResult<Jurisdiction>.Invalid([new("enabled", "one or more distinct ISO 639 codes in lower case, e.g. [\"el\", \"en\", \"de\"]")]);
        }

        if (!enabled.Contains(defaultLanguage))
        {
            return AdminResult<Jurisdiction>.Invalid([new("default", "must be one of the enabled languages")]);
        }

        var jurisdiction = await db.Jurisdictions.SingleAsync(j => j.Id == actor.JurisdictionId, cancellationToken);
        (jurisdiction.Languages, jurisdiction.DefaultLocale) = ([.. enabled], defaultLanguage);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return AdminResult<Jurisdiction>.Done(jurisdiction);
    }
}
