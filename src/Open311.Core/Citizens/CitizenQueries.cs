using Open311.Core.Requests;

namespace Open311.Core.Citizens;

public static class CitizenQueries
{
    /// <summary>The jurisdiction's requests from this phone number that still wait for SMS (served by ix_requests_sms_phone).</summary>
    public static IQueryable<ServiceRequest> WantingSmsAt(this IQueryable<ServiceRequest> requests, string jurisdictionId, string phone) =>
        requests.Where(r => r.JurisdictionId == jurisdictionId && r.NotifySms && PhoneNumbers.Key(r.Contact.Phone) == PhoneNumbers.Key(phone));
}
