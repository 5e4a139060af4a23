using Open311.Core.Catalog;
using Open311.Core.Staff;

namespace Open311.Api.Admin;

/// <summary>
/// The language of staff views (request list and detail, statistics) for this caller: the same
/// <see cref="LanguageRule"/> Open311 uses, fed by the call's <c>locale</c> query parameter and
/// Accept-Language, among the staff member's jurisdiction's enabled languages.
/// </summary>
public sealed class StaffLanguage(IHttpContextAccessor http, JurisdictionDirectory jurisdictions)
{
    public async ValueTask<LanguageChoice> ForAsync(StaffActor actor, CancellationToken cancellationToken)
    {
        var jurisdiction = await jurisdictions.FindAsync(actor.JurisdictionId, cancellationToken)
            ?? throw new InvalidOperationException($"the token names jurisdiction {actor.JurisdictionId}, which does not exist");
        var request = http.HttpContext?.Request;
        return LanguageRule.Choose(jurisdiction.Jurisdiction, request?.Query["locale"], request?.Headers.AcceptLanguage);
    }
}
