using System.Globalization;
using Open311.Api.GeoReport.Wire;
using Open311.Core;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>Reads a POST servicerequestupdates form into a <see cref="CitizenUpdate"/>, or into the errors that say what is missing or malformed.</summary>
public static class UpdateForm
{
    public static (CitizenUpdate? Update, List<Open311Error> Errors) Read(GeoReportCall call, UpdateFields fields, long apiClientId, UploadedImage? photo)
    {
        var errors = new List<Open311Error>();
        foreach (var (name, value) in new[] { ("service_request_id", fields.ServiceRequestId), ("update_id", fields.UpdateId), ("status", fields.Status), ("updated_datetime", fields.UpdatedDatetime) })
        {
            if (value is null)
            {
                errors.Add(new(400, $"{name} is required"));
            }
        }

        var status = ReadStatus(fields.Status, errors);
        DateTimeOffset sentAt = default;
        if (fields.UpdatedDatetime is { } sent && !Iso8601.TryParse(sent, out sentAt))
        {
            errors.Add(new(400, "updated_datetime must be an ISO 8601 datetime with a zone offset, e.g. 2026-03-01T09:15:00+02:00"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        // An id that is not a number names no request, as in GET requests/{id}.
        if (!long.TryParse(fields.ServiceRequestId, NumberStyles.None, CultureInfo.InvariantCulture, out var requestId))
        {
            return (null, [new(404, $"service_request_id {fields.ServiceRequestId} not found")]);
        }

        return (new CitizenUpdate
        {
            JurisdictionId = call.JurisdictionId,
            ApiClientId = apiClientId,
            RequestId = requestId,
            ClientUpdateId = fields.UpdateId!,
            Status = status!.Value,
            SentAt = sentAt,
            Description = fields.Description,
            ExternalMediaUrl = fields.MediaUrl,
            Photo = photo,
            Contact = new RequesterContact { FirstName = fields.FirstName, LastName = fields.LastName, Email = fields.Email },
        }, errors);
    }

    /// <summary>FixMyStreet sends OPEN and CLOSED, and REOPEN when its user reopened the report.</summary>
    private static RequestStatus? ReadStatus(string? text, List<Open311Error> errors)
    {
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "open" or "reopen":
                return RequestStatus.Open;
            case "closed":
                return RequestStatus.Closed;
            default:
                errors.Add(new(400, $"status must be open or closed, not '{text}'"));
                return null;
        }
    }
}
