namespace Open311.Core.Requests;

/// <summary>
/// What a client app sent with a citizen's follow-up (POST servicerequestupdates), kept beside the
/// history event it became (table citizen_updates). The client's own update id makes a repeated
/// POST find this one; the name and e-mail are personal data, never shown publicly or logged.
/// </summary>
public sealed class CitizenFollowUp
{
    /// <summary>For EF Core.</summary>
    private CitizenFollowUp()
    {
    }

    internal CitizenFollowUp(long apiClientId, string clientUpdateId, DateTimeOffset sentAt, RequestStatus askedStatus, bool reopened,
        string? externalMediaUrl, RequesterContact contact)
    {
        (ApiClientId, ClientUpdateId, SentAt, AskedStatus, Reopened, ExternalMediaUrl) =
            (apiClientId, clientUpdateId, sentAt, askedStatus, reopened, externalMediaUrl);
        (FirstName, LastName, Email) = (contact.FirstName, contact.LastName, contact.Email);
    }

    public long RequestEventId { get; private set; }
    public long ApiClientId { get; private set; }
    /// <summary>The client app's id for the update (FixMyStreet's comment id): unique per client app.</summary>
    public string ClientUpdateId { get; private set; } = "";
    /// <summary>When the citizen sent it, as the client says (updated_datetime).</summary>
    public DateTimeOffset SentAt { get; private set; }
    /// <summary>The status the client asked for: open may reopen a closed request; closed is the citizen's view only.</summary>
    public RequestStatus AskedStatus { get; private set; }
    /// <summary>Whether this update reopened the request (so a repeated POST answers as the first did).</summary>
    public bool Reopened { get; private set; }
    /// <summary>A picture hosted elsewhere, as the client gave it.</summary>
    public string? ExternalMediaUrl { get; private set; }
    public string? FirstName { get; private set; }
    public string? LastName { get; private set; }
    public string? Email { get; private set; }

    /// <summary>Forgets the sender's name and e-mail; false when none was held.</summary>
    internal bool AnonymiseContact()
    {
        if (FirstName is null && LastName is null && Email is null)
        {
            return false;
        }

        (FirstName, LastName, Email) = (null, null, null);
        return true;
    }

    public override string ToString() => $"CitizenFollowUp {{ client {ApiClientId}, update {ClientUpdateId}, contact redacted }}";
}
