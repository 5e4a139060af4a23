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

    /// <summary>The followings of that address or number on the jurisdiction's requests (<c>ix_request_followers_email</c>, <c>_phone</c>).</summary>
    public static IQueryable<RequestFollower> HeldAbout(this IQueryable<RequestFollower> followers, IQueryable<ServiceRequest> requests,
        string jurisdictionId, string? email, string? phone)
    {
        var inJurisdiction = followers.Where(f => requests.Any(r => r.Id == f.RequestId && r.JurisdictionId == jurisdictionId));
        if (!string.IsNullOrWhiteSpace(email))
        {
            var lowered = email.Trim().ToLowerInvariant();
            return inJurisdiction.Where(f => f.Email != null && f.Email.ToLower() == lowered);
        }

        return inJurisdiction.Where(f => f.Phone != null && PhoneNumbers.Key(f.Phone) == PhoneNumbers.Key(phone));
    }
}
