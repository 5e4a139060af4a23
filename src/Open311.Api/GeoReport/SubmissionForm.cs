using System.Globalization;
using System.Text.RegularExpressions;
using Open311.Api.GeoReport.Wire;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>
/// Reads a POST requests form into a <see cref="NewRequest"/>. ASP.NET's model binding does not
/// understand <c>attribute[CODE]</c> and <c>attribute[CODE][]</c>, so the form keys are parsed here.
/// </summary>
public static partial class SubmissionForm
{
    internal const string EmailAlertsField = "email_alerts_requested";
    internal const string SmsAlertsField = "sms_alerts_requested";

    private static readonly Dictionary<string, string> WireNames = new(StringComparer.Ordinal)
    {
        [RequestLifecycle.NotifyEmailField] = EmailAlertsField,
        [RequestLifecycle.NotifySmsField] = SmsAlertsField,
        [RequestLifecycle.LanguageField] = "alerts_language",
    };

    [GeneratedRegex(@"^attribute\[([^\[\]]+)\](\[\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeKey();

    public static (NewRequest? Request, List<Open311Error> Errors) Read(GeoReportCall call, SubmissionFields fields, long apiClientId, UploadedImage? photo)
    {
        var errors = new List<Open311Error>();
        var serviceCode = fields.ServiceCode;
        if (serviceCode is null)
        {
            errors.Add(new(400, "service_code is required"));
        }

        var lat = ReadNumber(fields.Lat, "lat", errors);
        var lon = ReadNumber(fields.Long, "long", errors);
        var emailAlerts = ReadFlag(fields.EmailAlertsRequested, EmailAlertsField, errors);
        var smsAlerts = ReadFlag(fields.SmsAlertsRequested, SmsAlertsField, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new NewRequest
        {
            JurisdictionId = call.JurisdictionId,
            ServiceCode = serviceCode!,
            Lat = lat,
            Long = lon,
            Address = fields.AddressString,
            AddressId = fields.AddressId,
            Zipcode = fields.Zipcode,
            Description = fields.Description,
            ExternalMediaUrl = fields.MediaUrl,
            Photo = photo,
            Attributes = ReadAttributes(call.Parameters.Form!),
            Contact = new RequesterContact
            {
                FirstName = fields.FirstName,
                LastName = fields.LastName,
                Email = fields.Email,
                Phone = fields.Phone,
                DeviceId = fields.DeviceId,
                AccountId = fields.AccountId,
            },
            NotifyEmail = emailAlerts,
            NotifySms = smsAlerts,
            // An app's citizen reads it in the app's language unless the app says otherwise.
            Language = fields.AlertsLanguage?.ToLowerInvariant() ?? call.Language.Chosen,
            Channel = Channel.Open311,
            ApiClientId = apiClientId,
            Actor = $"client:{apiClientId}",
        }, errors);
    }

    /// <summary>An intake error as the client knows the field: Open311 calls intake's notification settings by FixMyStreet's names.</summary>
    public static string Describe(IntakeError error) =>
        error.Field is { } field && WireNames.TryGetValue(field, out var name) ? $"{name}: {error.Reason}" : error.Description;

    internal static bool ReadFlag(string? text, string name, List<Open311Error> errors)
    {
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(new(400, $"{name} must be true or false, not '{text}'"));
        return false;
    }

    private static double? ReadNumber(string? text, string name, List<Open311Error> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add(new(400, $"{name} must be a number, not '{text}'"));
        return null;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadAttributes(IFormCollection form)
    {
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            var match = AttributeKey().Match(key);
            if (!match.Success)
            {
                continue;
            }

            var code = match.Groups[1].Value;
            var given = values.Where(v => v is not null).Select(v => v!).ToList();
            attributes[code] = attributes.TryGetValue(code, out var earlier) ? [.. earlier, .. given] : given;
        }

        return attributes;
    }
}
