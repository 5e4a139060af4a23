using System.Reflection;

namespace Open311.Api.GeoReport;

/// <summary>The fields of POST requests/{id}/followers ("me too"): the contact and alert fields of POST requests, under the same names.</summary>
public sealed record FollowerFields : IBindableFromHttpContext<FollowerFields>
{
    [Wire("api_key", "The client app's key (or send the X-Api-Key header).")]
    public string? ApiKey { get; init; }

    [Wire("email", "The citizen's e-mail: private, never shown through Open311. email or phone is required.")]
    public string? Email { get; init; }

    [Wire("phone", "Private; where SMS go with sms_alerts_requested.")]
    public string? Phone { get; init; }

    [Wire("email_alerts_requested", "true to tell the citizen of progress by e-mail, at email (then required).", Type = WireType.Boolean)]
    public string? EmailAlertsRequested { get; init; }

    [Wire("sms_alerts_requested", "true to tell the citizen of progress by SMS, at phone (then required).", Type = WireType.Boolean)]
    public string? SmsAlertsRequested { get; init; }

    [Wire("alerts_language", "The language of those messages, one the jurisdiction enables. Default: the language of this answer (locale, Accept-Language, the jurisdiction's default).")]
    public string? AlertsLanguage { get; init; }

    public static ValueTask<FollowerFields?> BindAsync(HttpContext context, ParameterInfo parameter) => WireBinding.BindAsync<FollowerFields>(context);
}
