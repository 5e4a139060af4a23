using System.Reflection;

namespace Open311.Api.GeoReport;

/// <summary>The fields of POST servicerequestupdates, as FixMyStreet and its open311-adapter send them. The photo is read by <see cref="ClientPost"/>.</summary>
[Wire("media", "Extension: a photo, JPEG or PNG (checked by content), at most {MaxPhotoMegabytes} MB; its metadata is removed. FixMyStreet's photo1 is taken too.", Type = WireType.Binary)]
public sealed record UpdateFields : IBindableFromHttpContext<UpdateFields>
{
    [Wire("api_key", "The client app's key (or send the X-Api-Key header).")]
    public string? ApiKey { get; init; }

    [Wire("service_request_id", "The request the update is about.", Required = true)]
    public string? ServiceRequestId { get; init; }

    [Wire("update_id", "The client's own id for the update, at most 255 characters. Sending it again records nothing and answers as the first time.", Required = true)]
    public string? UpdateId { get; init; }

    [Wire("status", "open or closed (any case; FixMyStreet's REOPEN means open). open on a closed request reopens it where the workflow allows; closed changes nothing.", Required = true)]
    public string? Status { get; init; }

    [Wire("updated_datetime", "When the citizen sent it (ISO 8601 with offset).", Required = true, Type = WireType.DateTime)]
    public string? UpdatedDatetime { get; init; }

    [Wire("description", "The citizen's text, plain, at most {MaxDescriptionLength} characters. Seen by staff only. Required unless a photo or media_url is sent.")]
    public string? Description { get; init; }

    [Wire("media_url", "A photo hosted elsewhere (absolute http/https URL).")]
    public string? MediaUrl { get; init; }

    [Wire("email", "The citizen's e-mail: private, never shown through Open311.")]
    public string? Email { get; init; }

    [Wire("first_name", "Private.")]
    public string? FirstName { get; init; }

    [Wire("last_name", "Private.")]
    public string? LastName { get; init; }

    public static ValueTask<UpdateFields?> BindAsync(HttpContext context, ParameterInfo parameter) => WireBinding.BindAsync<UpdateFields>(context);
}
