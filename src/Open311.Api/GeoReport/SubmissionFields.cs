using System.Reflection;

namespace Open311.Api.GeoReport;

/// <summary>
/// The fields of POST requests. <c>attribute[CODE]</c> and the photo are declared on the type:
/// <see cref="SubmissionForm"/> and <see cref="SubmissionEndpoint"/> read them from the form, as
/// their names are patterns or files rather than single text values.
/// </summary>
[Wire("media", "Extension: a photo, JPEG or PNG (checked by content), at most {MaxPhotoMegabytes} MB; its metadata is removed.", Type = WireType.Binary)]
[Wire("attribute[CODE]", "An answer to attribute CODE of the service definition; for a multivaluelist repeat attribute[CODE][] (or attribute[CODE]).")]
public sealed record SubmissionFields : IBindableFromHttpContext<SubmissionFields>
{
    [Wire("api_key", "The client app's key (or send the X-Api-Key header).")]
    public string? ApiKey { get; init; }

    [Wire("service_code", "The service, from GET services.", Required = true)]
    public string? ServiceCode { get; init; }

    [Wire("lat", "WGS84 latitude; with long. A location is required: lat+long, address_string or address_id.", Type = WireType.Number)]
    public string? Lat { get; init; }

    [Wire("long", "WGS84 longitude; with lat.", Type = WireType.Number)]
    public string? Long { get; init; }

    [Wire("address_string", "Street address as the citizen gives it.")]
    public string? AddressString { get; init; }

    [Wire("address_id", "Address id from the municipality's address register.")]
    public string? AddressId { get; init; }

    [Wire("zipcode", "Postal code.")]
    public string? Zipcode { get; init; }

    [Wire("description", "What is wrong, plain text, at most {MaxDescriptionLength} characters.")]
    public string? Description { get; init; }

    [Wire("media_url", "A photo hosted elsewhere (absolute http/https URL).")]
    public string? MediaUrl { get; init; }

    [Wire("email", "The requester's e-mail: private, never shown through Open311.")]
    public string? Email { get; init; }

    [Wire("first_name", "Private.")]
    public string? FirstName { get; init; }

    [Wire("last_name", "Private.")]
    public string? LastName { get; init; }

    [Wire("phone", "Private; where SMS go with sms_alerts_requested.")]
    public string? Phone { get; init; }

    [Wire("device_id", "Private.")]
    public string? DeviceId { get; init; }

    [Wire("account_id", "Private; echoed back in this response only.")]
    public string? AccountId { get; init; }

    [Wire("email_alerts_requested", "Extension (FixMyStreet's name): true to tell the citizen of progress by e-mail, at email (then required).", Type = WireType.Boolean)]
    public string? EmailAlertsRequested { get; init; }

    [Wire("sms_alerts_requested", "Extension: true to tell the citizen of progress by SMS, at phone (then required).", Type = WireType.Boolean)]
    public string? SmsAlertsRequested { get; init; }

    [Wire("alerts_language", "Extension: the language of those messages, one the jurisdiction enables (el or en in the demo). Default: the language of this answer (locale, Accept-Language, the jurisdiction's default).")]
    public string? AlertsLanguage { get; init; }

    [Wire("extensions", "Extension: true adds protocol_number and follow_url, the submitter's own link to follow the request, to the answer.")]
    public string? Extensions { get; init; }

    public static ValueTask<SubmissionFields?> BindAsync(HttpContext context, ParameterInfo parameter) => WireBinding.BindAsync<SubmissionFields>(context);
}
