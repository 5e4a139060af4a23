using Open311.Core.Requests;

namespace Open311.Core.Citizens;

public static class CitizenQueries
{
    /// <summary>Every jurisdiction's request with this number (each numbers its own), served by ix_requests_protocol_number.</summary>
    public static IQueryable<ServiceRequest> WithProtocolNumber(this IQueryable<ServiceRequest> requests, string protocolNumber) =>
        requests.Where(r => r.ProtocolNumber == protocolNumber);

    /// <summary>The jurisdiction's requests from this phone number that still wait for SMS (served by ix_requests_contact_phone, 0023).</summary>
    public static IQueryable<ServiceRequest> WantingSmsAt(this IQueryable<ServiceRequest> requests, string jurisdictionId, string phone) =>
        requests.Where(r => r.JurisdictionId == jurisdictionId && r.NotifySms && PhoneNumbers.Key(r.Contact.Phone) == PhoneNumbers.Key(phone));
}
