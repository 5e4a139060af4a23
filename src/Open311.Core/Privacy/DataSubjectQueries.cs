using Open311.Core.Citizens;
using Open311.Core.Requests;

namespace Open311.Core.Privacy;

public static class DataSubjectQueries
{
    /// <summary>The jurisdiction's requests made with that address or number (<c>ix_requests_contact_email</c>, <c>ix_requests_contact_phone</c>).</summary>
    public static IQueryable<ServiceRequest> HeldAbout(this IQueryable<ServiceRequest> requests, string jurisdictionId, string? email, string? phone)
    {
        var jurisdiction = requests.Where(r => r.JurisdictionId == jurisdictionId);
        if (!string.IsNullOrWhiteSpace(email))
        {
            var lowered = email.Trim().ToLowerInvariant();
            return jurisdiction.Where(r => r.Contact.Email != null && r.Contact.Email.ToLower() == lowered);
        }

        return jurisdiction.Where(r => r.Contact.Phone != null && PhoneNumbers.Key(r.Contact.Phone) == PhoneNumbers.Key(phone));
    }
}
