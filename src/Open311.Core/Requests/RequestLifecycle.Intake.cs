using Open311.Core.Data;
using Open311.Core.Duplicates;
using Open311.Core.Routing;

namespace Open311.Core.Requests;

public sealed partial class RequestLifecycle
{
    /// <summary>The settings intake errors name (<see cref="IntakeError.Field"/>), as the admin API calls them.</summary>
    public const string LanguageField = "language";
    public const string NotifySmsField = "notify_sms";
    public const string NotifyEmailField = "notify_email";

    /// <summary>
    /// Takes in a request from any channel: validates it against the service definition, routes it,
    /// numbers it and stores it with its first history event and photo, all in one transaction.
    /// </summary>
    public async Task<IntakeResult> SubmitAsync(NewRequest submission, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.ForAsync(submission.JurisdictionId, cancellationToken);
        var service = snapshot.Find(submission.ServiceCode, submission.IncludePrivateServices);
        if (service is null)
        {
            return IntakeResult.Refused(new IntakeError($"service_code {submission.ServiceCode} not found", NotFound: true));
        }

        var now = clock.GetUtcNow();
        var jurisdiction = await jurisdictions.FindAsync(submission.JurisdictionId, cancellationToken)
            ?? throw new InvalidOperationException($"Unknown jurisdiction {submission.JurisdictionId}");
        var errors = CheckFields(submission, now);
        if (submission is { Lat: >= -90 and <= 90 and var lat, Long: >= -180 and <= 180 and var lon } && !jurisdiction.Jurisdiction.Covers(lat, lon))
        {
            errors.Add(new($"lat and long are outside the area of {jurisdiction.Id}"));
        }

        CheckLanguage(errors, submission.Language, jurisdiction.Jurisdiction);

        var (answers, attributeErrors) = AttributeValidator.Validate(service, submission.Attributes);
        errors.AddRange(attributeErrors);
        if (errors.Count > 0)
        {
            return IntakeResult.Refused([.. errors]);
        }

        var placement = await RequestRouter.PlaceAsync(db, service, submission.Lat, submission.Long, cancellationToken);
        var requestedAt = submission.ReceivedAt ?? now;
        // Never refused for it: a likely duplicate is stored with its suggestions, for staff to confirm or reject.
        var possibleDuplicates = await DuplicateCheck.FindAsync(db, service, submission.Lat, submission.Long, requestedAt, cancellationToken);
        var request = ServiceRequest.Receive(submission, service, snapshot.WorkflowFor(service.WorkflowId).Initial, placement.DepartmentId,
            placement.AreaId, answers, submission.Language ?? jurisdiction.Jurisdiction.DefaultLocale, requestedAt, possibleDuplicates, now);
        // From when the citizen made it: a call left on the answering machine has waited since then.
        await clocks.StartAsync(request, cancellationToken);

        // Numbered in the year it is recorded, like any paper protocol book.
        var year = TimeZoneInfo.ConvertTime(now, jurisdiction.Zone).Year;
        // A failed write refuses the whole submission, so no savepoint is needed to go on after one.
        await using var transaction = await JoinedTransaction.BeginOrJoinAsync(db.Database, cancellationToken, savepoints: false);
        db.Requests.Add(request);
        await StageAsync([request], cancellationToken);
        await ReservedIds.AssignAsync(db, cancellationToken);
        if (submission.Photo is { } photo)
        {
            request.AttachPhoto(Guid.NewGuid());
            db.RequestMedia.Add(new RequestMedia
            {
                Id = request.MediaId!.Value,
                RequestId = request.Id,
                ContentType = photo.ContentType,
                Content = photo.Content,
                CreatedAt = now,
            });
        }

        // The counter row stays locked until the commit, and every submission of the jurisdiction queues for it:
        // it is taken last, right before the one batch that writes the request with its ids already reserved
        // (ReservedIds), so that nothing else runs while it is held (bench/README.md).
        request.Number(await ProtocolNumbers.NextAsync(db, submission.JurisdictionId, year, cancellationToken));
        // Not WriteAsync, which turns a concurrency failure into an answer: without savepoints the batch's first
        // statements would stay in the transaction and commit. Any failure here must throw and roll it all back.
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return IntakeResult.Accepted(new SubmittedRequest(request.Id, request.Token, request.ProtocolNumber, request.FollowCode, service.Type, service.Notice));
    }

    private static List<IntakeError> CheckFields(NewRequest submission, DateTimeOffset now)
    {
        var errors = new List<IntakeError>();
        if (submission.ReceivedAt > now.AddMinutes(5))
        {
            errors.Add(new("received_at may not be in the future"));
        }
        else if (submission.ReceivedAt < now.AddYears(-1))
        {
            // A form left at the counter is entered within days; a year bounds typing slips, which would start clocks in another era.
            errors.Add(new("received_at may be at most a year ago"));
        }

        if (submission.Lat.HasValue != submission.Long.HasValue)
        {
            errors.Add(new("lat and long must be given together"));
        }
        else if (!submission.Lat.HasValue && string.IsNullOrWhiteSpace(submission.Address) && string.IsNullOrWhiteSpace(submission.AddressId))
        {
            errors.Add(new("a location is required: lat and long, address_string or address_id"));
        }

        if (submission.Lat is < -90 or > 90)
        {
            errors.Add(new("lat must be between -90 and 90"));
        }

        if (submission.Long is < -180 or > 180)
        {
            errors.Add(new("long must be between -180 and 180"));
        }

        FieldChecks.MediaUrl(errors, submission.ExternalMediaUrl);

        CheckWishes(errors, submission.Contact.Email, submission.Contact.Phone, submission.NotifyEmail, submission.NotifySms);

        foreach (var (name, value, maxLength) in new[]
        {
            ("description", submission.Description, MaxDescriptionLength),
            ("address_string", submission.Address, FieldChecks.MaxFieldLength), ("address_id", submission.AddressId, FieldChecks.MaxFieldLength),
            ("zipcode", submission.Zipcode, FieldChecks.MaxFieldLength), ("first_name", submission.Contact.FirstName, FieldChecks.MaxFieldLength),
            ("last_name", submission.Contact.LastName, FieldChecks.MaxFieldLength),
            ("device_id", submission.Contact.DeviceId, FieldChecks.MaxFieldLength), ("account_id", submission.Contact.AccountId, FieldChecks.MaxFieldLength),
        })
        {
            FieldChecks.Text(errors, name, value, maxLength);
        }

        return errors;
    }

    /// <summary>How a requester or a follower asks to be told: whoever asks must say where to, in a valid address.</summary>
    private static void CheckWishes(List<IntakeError> errors, string? email, string? phone, bool notifyEmail, bool notifySms)
    {
        if (notifySms && string.IsNullOrWhiteSpace(phone))
        {
            errors.Add(IntakeError.About(NotifySmsField, "SMS updates need the requester's phone"));
        }

        if (notifyEmail && string.IsNullOrWhiteSpace(email))
        {
            errors.Add(IntakeError.About(NotifyEmailField, "e-mail updates need the requester's e-mail"));
        }

        FieldChecks.Email(errors, email);
        FieldChecks.Text(errors, "phone", phone, FieldChecks.MaxFieldLength);
    }

    private static void CheckLanguage(List<IntakeError> errors, string? language, Catalog.Jurisdiction jurisdiction)
    {
        if (language is not null && !jurisdiction.Languages.Contains(language))
        {
            errors.Add(IntakeError.About(LanguageField, $"{language} is not one this jurisdiction writes in ({string.Join(", ", jurisdiction.Languages)})"));
        }
    }
}
