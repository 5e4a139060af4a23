using NetTopologySuite.Geometries;
using Open311.Core.Catalog;
using Open311.Core.Duplicates;
using Open311.Core.ServiceLevels;
using Open311.Core.Escalation;
using Open311.Core.Workflow;
using Open311.Core.WorkOrders;

namespace Open311.Core.Requests;

/// <summary>
/// A citizen's request, from any channel. Its state, status, department, assignee and history
/// change only through the methods below, which Core's <see cref="RequestLifecycle"/> alone may
/// call: each change appends the history event that records it, so the two cannot drift apart.
/// </summary>
public class ServiceRequest
{
    private readonly List<RequestEvent> _history = [];
    private readonly List<RequestFollower> _followers = [];
    private readonly List<DuplicateSuggestion> _duplicateSuggestions = [];
    private readonly List<WorkOrder> _workOrders = [];

    /// <summary>For EF Core.</summary>
    private ServiceRequest()
    {
    }

    public long Id { get; private set; }
    public string JurisdictionId { get; private set; } = "";
    public long ServiceId { get; private set; }
    public ServiceCategory Service { get; private set; } = null!;
    /// <summary>Where the request is in its category's workflow.</summary>
    public long StateId { get; private set; }
    public WorkflowState State { get; private set; } = null!;
    /// <summary>The state's Open311 status, kept beside it so public lists filter on an index.</summary>
    public RequestStatus Status { get; private set; } = RequestStatus.Open;
    /// <summary>The latest public note, kept beside the history so lists need no join.</summary>
    public string? StatusNotes { get; private set; }
    public string? Description { get; private set; }
    public double? Lat { get; private set; }
    public double? Long { get; private set; }
    /// <summary>The point PostgreSQL derives from <see cref="Lat"/> and <see cref="Long"/> (a generated column): read, never written.</summary>
    public Point? Location { get; private set; }
    public string? Address { get; private set; }
    public string? AddressId { get; private set; }
    public string? Zipcode { get; private set; }
    /// <summary>A picture hosted elsewhere, given by the client as <c>media_url</c>.</summary>
    public string? ExternalMediaUrl { get; private set; }
    /// <summary>A picture uploaded with the request, stored without its metadata.</summary>
    public Guid? MediaId { get; private set; }
    /// <summary>Answers to the service definition's attributes, by attribute code.</summary>
    public Dictionary<string, string[]> Attributes { get; private set; } = [];
    public RequesterContact Contact { get; private set; } = new();
    public Channel Channel { get; private set; } = Channel.Open311;
    public long? ApiClientId { get; private set; }
    public long? DepartmentId { get; private set; }
    public long? AssigneeId { get; private set; }
    /// <summary>The requester asked to be told of progress by SMS / e-mail.</summary>
    public bool NotifySms { get; private set; }
    public bool NotifyEmail { get; private set; }
    /// <summary>The language citizens' messages about it are written in: chosen at intake, else the jurisdiction's.</summary>
    public string Language { get; private set; } = "";
    /// <summary>With the protocol number, opens the request's public page (<see cref="Citizens.FollowCodes"/>).</summary>
    public string FollowCode { get; private set; } = "";
    /// <summary>Names the request in the unsubscribe link of its messages: unguessable, and useless for anything else.</summary>
    public Guid UnsubscribeToken { get; private set; }
    public Department? Department { get; private set; }
    /// <summary>The human-readable number read back to callers, e.g. <c>2026/004217</c>.</summary>
    public string ProtocolNumber { get; private set; } = "";
    /// <summary>Set for batch services: what the client holds until it learns the id.</summary>
    public Guid? Token { get; private set; }
    public long? DuplicateOfId { get; private set; }
    /// <summary>The original, for queries (Open311 output checks it may show it); not loaded with the request.</summary>
    public ServiceRequest? DuplicateOf { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ExpectedAt { get; private set; }
    public RequestPriority Priority { get; private set; } = RequestPriority.Normal;
    /// <summary>The department area the point fell in at intake.</summary>
    public long? AreaId { get; private set; }

    // The service-level clocks (migration 0016): targets copied at intake in working minutes; a due
    // time is null while paused or without a target.
    public int? ResponseTargetMinutes { get; private set; }
    public int? ResolutionTargetMinutes { get; private set; }
    public DateTimeOffset? ResponseDueAt { get; private set; }
    public DateTimeOffset? ResolutionDueAt { get; private set; }
    /// <summary>Set while the request waits (for the citizen, for a contractor): its clock does not run.</summary>
    public DateTimeOffset? ClockPausedAt { get; private set; }
    /// <summary>When the resolution clock's current run began (migration 0018); null while paused or resolved.</summary>
    public DateTimeOffset? ClockRunningSince { get; private set; }
    /// <summary>Working minutes the resolution clock ran before its latest pause.</summary>
    public int ResolutionUsedMinutes { get; private set; }
    public DateTimeOffset? FirstResponseAt { get; private set; }
    public int? ResponseWorkingMinutes { get; private set; }
    /// <summary>The latest close.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }
    /// <summary>When the requester's contact data was anonymised (retention passed, or erased on request); null while held.</summary>
    public DateTimeOffset? ContactAnonymisedAt { get; private set; }
    public int? ResolutionWorkingMinutes { get; private set; }
    public int ReopenedCount { get; private set; }
    /// <summary>When the next escalation rule fires: kept by <see cref="Escalation.EscalationPlanner"/> with every change; null when none will.</summary>
    public DateTimeOffset? NextEscalationAt { get; private set; }
    /// <summary>The highest percent of its target at which each clock has escalated (rules up to it have fired); null before the first.</summary>
    public int? ResponseEscalatedPercent { get; private set; }
    public int? ResolutionEscalatedPercent { get; private set; }
    /// <summary>The events recorded so far; only those added in this unit of work unless the history was loaded.</summary>
    public IReadOnlyList<RequestEvent> History => _history;
    /// <summary>Who else is told of its progress; loaded only when asked for.</summary>
    public IReadOnlyList<RequestFollower> Followers => _followers;
    /// <summary>The open requests it may repeat, found at intake; loaded only when asked for.</summary>
    public IReadOnlyList<DuplicateSuggestion> DuplicateSuggestions => _duplicateSuggestions;
    /// <summary>The departments' parts of it (<see cref="WorkOrder"/>); only those added in this unit of work unless loaded.</summary>
    public IReadOnlyList<WorkOrder> WorkOrders => _workOrders;
    /// <summary>PostgreSQL's row version (xmin): concurrent edits of one request cannot overwrite each other.</summary>
    public uint Version { get; private set; }

    /// <summary>A new request in its workflow's first state, with the event that records its arrival.</summary>
    internal static ServiceRequest Receive(NewRequest submission, ServiceCategory service, WorkflowState initial, long? departmentId, long? areaId,
        Dictionary<string, string[]> answers, string language, DateTimeOffset requestedAt, IReadOnlyList<PossibleDuplicate> possibleDuplicates,
        DateTimeOffset now)
    {
        var request = new ServiceRequest
        {
            JurisdictionId = submission.JurisdictionId,
            ServiceId = service.Id,
            Description = submission.Description,
            Lat = submission.Lat,
            Long = submission.Long,
            Address = submission.Address,
            AddressId = submission.AddressId,
            Zipcode = submission.Zipcode,
            ExternalMediaUrl = submission.ExternalMediaUrl,
            Attributes = answers,
            Contact = submission.Contact,
            Channel = submission.Channel,
            ApiClientId = submission.ApiClientId,
            DepartmentId = departmentId,
            AreaId = areaId,
            Priority = submission.Priority ?? RequestPriority.Normal,
            StateId = initial.Id,
            Status = initial.Status,
            NotifySms = submission.NotifySms,
            NotifyEmail = submission.NotifyEmail,
            Language = language,
            FollowCode = Citizens.FollowCodes.New(),
            UnsubscribeToken = Guid.NewGuid(),
            Token = service.Type == ServiceType.Batch ? Guid.NewGuid() : null,
            RequestedAt = requestedAt,
        };
        request._duplicateSuggestions.AddRange(possibleDuplicates.Select(d => new DuplicateSuggestion(d.Id, d.DistanceMetres, now)));
        request.Record(submission.Actor, RequestEventKind.Submitted, isPublic: true, note: null, now);
        return request;
    }

    /// <summary>Given inside the intake transaction, so a rolled-back submission leaves no gap.</summary>
    internal void Number(string protocolNumber) => ProtocolNumber = protocolNumber;

    internal void AttachPhoto(Guid mediaId) => MediaId = mediaId;

    /// <summary>A workflow move (or becoming a duplicate): the citizen sees it, with the note that explains the new state.</summary>
    internal void MoveTo(WorkflowState from, WorkflowState to, RequestEventKind kind, string actor, string? publicNote, DateTimeOffset now,
        long? duplicateOf = null)
    {
        var fromStatus = Status;
        var beforeDuplicate = DuplicateOfId;
        StateId = to.Id;
        Status = to.Status;
        DuplicateOfId = duplicateOf;
        // status_notes explain the current state; an earlier state's note (a rejection, say) would mislead.
        StatusNotes = string.IsNullOrWhiteSpace(publicNote) ? null : publicNote;
        List<(string, object?, object?)> changes = [("state", from.Code, to.Code), ("status", fromStatus.ToOpen311(), to.Status.ToOpen311())];
        if (beforeDuplicate != duplicateOf)
        {
            changes.Add(("duplicate_of", beforeDuplicate, duplicateOf));
        }

        Record(actor, kind, isPublic: true, publicNote, now, [.. changes]);
    }

    internal void AddNote(string actor, string text, bool isPublic, DateTimeOffset now)
    {
        if (isPublic)
        {
            StatusNotes = text;
        }

        Record(actor, RequestEventKind.Note, isPublic, text, now);
    }

    internal void AssignTo(long? assigneeId, string actor, DateTimeOffset now)
    {
        var before = AssigneeId;
        AssigneeId = assigneeId;
        Record(actor, RequestEventKind.Assigned, isPublic: false, note: null, now, ("assignee_id", before, assigneeId));
    }

    internal void ExpectBy(DateTimeOffset? expected, string actor, DateTimeOffset now)
    {
        var before = ExpectedAt;
        ExpectedAt = expected;
        Record(actor, RequestEventKind.ExpectedChanged, isPublic: false, note: null, now, ("expected_at", before, expected));
    }

    /// <summary>To another department; whoever had it belongs to the old one, so it is unassigned.</summary>
    /// <remarks>The area follows when the new department has one at the point: its service levels may differ.</remarks>
    internal void RerouteTo(long departmentId, long? areaId, string actor, string? reason, DateTimeOffset now)
    {
        var (beforeDepartment, beforeAssignee, beforeArea) = (DepartmentId, AssigneeId, AreaId);
        (DepartmentId, AssigneeId, AreaId) = (departmentId, null, areaId);
        List<(string, object?, object?)> changes = [("department_id", beforeDepartment, departmentId), ("assignee_id", beforeAssignee, null)];
        if (beforeArea != areaId)
        {
            changes.Add(("area_id", beforeArea, areaId));
        }

        Record(actor, RequestEventKind.Rerouted, isPublic: false, reason, now, [.. changes]);
    }

    /// <summary>
    /// To another category (a citizen's choice corrected by staff), into <paramref name="state"/>: the state of the same code in
    /// its workflow. Staff only, since either category may be private.
    /// </summary>
    internal void ChangeCategory(ServiceCategory to, WorkflowState state, string actor, string? reason, DateTimeOffset now)
    {
        var before = Service.Code;
        (ServiceId, Service, StateId) = (to.Id, to, state.Id);
        Record(actor, RequestEventKind.CategoryChanged, isPublic: false, reason, now, ("service_code", before, to.Code));
    }

    internal void SetPriority(RequestPriority priority, string actor, string? reason, DateTimeOffset now)
    {
        var before = Priority;
        Priority = priority;
        Record(actor, RequestEventKind.PriorityChanged, isPublic: false, reason, now,
            ("priority", before.ToOpen311(), priority.ToOpen311()));
    }

    /// <summary>The service-level columns, as <see cref="ServiceClock"/> reads them.</summary>
    internal RequestClock Clock => new(ResponseTargetMinutes, ResolutionTargetMinutes, ResponseDueAt, ResolutionDueAt, ClockPausedAt, ClockRunningSince,
        ResolutionUsedMinutes, FirstResponseAt, ResponseWorkingMinutes, ResolvedAt, ResolutionWorkingMinutes, ReopenedCount);

    /// <summary>
    /// Stores what <see cref="ServiceClock"/> computed beside a change; no event of its own, since
    /// it only follows the change (a move, a note, a reroute) that the event already records.
    /// </summary>
    internal void SetClock(RequestClock clock) =>
        (ResponseTargetMinutes, ResolutionTargetMinutes, ResponseDueAt, ResolutionDueAt, ClockPausedAt, ClockRunningSince, ResolutionUsedMinutes,
            FirstResponseAt, ResponseWorkingMinutes, ResolvedAt, ResolutionWorkingMinutes, ReopenedCount) =
        (clock.ResponseTargetMinutes, clock.ResolutionTargetMinutes, clock.ResponseDueAt, clock.ResolutionDueAt, clock.ClockPausedAt,
            clock.ClockRunningSince, clock.ResolutionUsedMinutes, clock.FirstResponseAt, clock.ResponseWorkingMinutes, clock.ResolvedAt,
            clock.ResolutionWorkingMinutes, clock.ReopenedCount);

    /// <summary>
    /// A citizen's follow-up ("still not fixed", a new photo) sent by a client app. Staff only: its
    /// free text may hold personal data, and it changes nothing the public sees (status_notes stay).
    /// </summary>
    internal void AddCitizenUpdate(string actor, string? text, Guid? mediaId, CitizenFollowUp followUp, DateTimeOffset now) =>
        Record(actor, RequestEventKind.CitizenUpdate, isPublic: false, text, now).FromCitizen(followUp, mediaId);

    /// <summary>
    /// Stops the messages the citizen asked for, on the channels named. False when none of them
    /// was on, so a repeated click records nothing. Not public: it says how the citizen was reached.
    /// </summary>
    internal bool StopMessages(bool email, bool sms, string actor, string how, DateTimeOffset now)
    {
        List<(string, object?, object?)> changes = [];
        if (email && NotifyEmail)
        {
            NotifyEmail = false;
            changes.Add(("notify_email", true, false));
        }

        if (sms && NotifySms)
        {
            NotifySms = false;
            changes.Add(("notify_sms", true, false));
        }

        if (changes.Count == 0)
        {
            return false;
        }

        Record(actor, RequestEventKind.MessagesStopped, isPublic: false, how, now, [.. changes]);
        return true;
    }

    /// <summary>
    /// Forgets contact data: the requester's (when <paramref name="requester"/>) and that of the given
    /// citizens' follow-ups on this request, and stops the messages that went to the requester. A private
    /// event says why and which fields were cleared, never their values. False when nothing was held.
    /// </summary>
    internal bool AnonymiseContact(bool requester, IReadOnlyCollection<CitizenFollowUp> followUps, IReadOnlyCollection<RequestFollower> followers,
        string actor, string why, DateTimeOffset now)
    {
        List<(string, object?, object?)> changes = [];
        if (requester)
        {
            changes.AddRange(Contact.HeldFields().Select(field => (field, (object?)"(hidden)", (object?)null)));
            if (NotifyEmail)
            {
                changes.Add(("notify_email", true, false));
            }

            if (NotifySms)
            {
                changes.Add(("notify_sms", true, false));
            }

            (Contact, NotifyEmail, NotifySms, ContactAnonymisedAt) = (new RequesterContact(), false, false, ContactAnonymisedAt ?? now);
        }

        var forgotten = followUps.Count(followUp => followUp.AnonymiseContact());
        if (forgotten > 0)
        {
            changes.Add(("citizen_update_contacts", forgotten, 0));
        }

        var unfollowed = followers.Count(follower => follower.Anonymise(now));
        if (unfollowed > 0)
        {
            changes.Add(("follower_contacts", unfollowed, 0));
        }

        if (changes.Count == 0)
        {
            return false;
        }

        RecordUnseen(actor, RequestEventKind.ContactAnonymised, why, now, [.. changes]);
        return true;
    }

    /// <summary>
    /// Someone else to tell of its progress, or the channels of one already following turned on again (the same
    /// person by e-mail or phone, the requester included, is never added twice). Null when nothing changed.
    /// Needs <see cref="Followers"/> loaded. Staff only: how many follow and how is nobody else's business.
    /// </summary>
    internal RequestFollower? AddFollower(NewFollower wish, string language, FollowerSource source, string actor, DateTimeOffset now)
    {
        if (_followers.FirstOrDefault(f => f.IsSamePerson(wish.Email, wish.Phone)) is { } existing)
        {
            if (!existing.Renew(wish))
            {
                return null;
            }

            RecordUnseen(actor, RequestEventKind.FollowerAdded, $"{source.ToOpen311()}: already following, messages turned on again", now,
                ("follower_notify", null, Channels(existing)));
            return existing;
        }

        var follower = new RequestFollower(wish, language, source, now);
        _followers.Add(follower);
        RecordUnseen(actor, RequestEventKind.FollowerAdded, source.ToOpen311(), now, ("followers", _followers.Count - 1, _followers.Count),
            ("follower_notify", null, Channels(follower)));
        return follower;
    }

    /// <summary>Whether the requester is this person: they follow it already.</summary>
    internal bool IsRequester(string? email, string? phone) => RequestFollower.SamePerson(Contact.Email, Contact.Phone, email, phone);

    /// <summary>
    /// Merging <paramref name="duplicate"/> into this request: its followers move here and its requester follows
    /// here, each unless already following (then they stay where they were and hear from here anyway). Both
    /// requests' <see cref="Followers"/> must be loaded. False when no one moved.
    /// </summary>
    internal bool TakeFollowersOf(ServiceRequest duplicate, string actor, DateTimeOffset now)
    {
        var before = _followers.Count;
        foreach (var follower in duplicate._followers.ToList())
        {
            if (!IsRequester(follower.Email, follower.Phone) && !_followers.Any(f => f.IsSamePerson(follower.Email, follower.Phone)))
            {
                duplicate._followers.Remove(follower);
                _followers.Add(follower);
            }
        }

        var requester = duplicate.Contact;
        if ((requester.Email is not null || requester.Phone is not null) && !IsRequester(requester.Email, requester.Phone)
            && !_followers.Any(f => f.IsSamePerson(requester.Email, requester.Phone)))
        {
            _followers.Add(new RequestFollower(new NewFollower(requester.Email, requester.Phone, duplicate.NotifyEmail, duplicate.NotifySms, null),
                duplicate.Language, FollowerSource.Merged, now));
        }

        if (_followers.Count == before)
        {
            return false;
        }

        RecordUnseen(actor, RequestEventKind.FollowerAdded, $"merged from {duplicate.ProtocolNumber}", now, ("followers", before, _followers.Count));
        return true;
    }

    /// <summary>A follower's unsubscribe link or STOP reply: a private event like the requester's own stop. False when nothing was on.</summary>
    internal bool StopFollower(RequestFollower follower, bool email, bool sms, string actor, string how, DateTimeOffset now)
    {
        var before = Channels(follower);
        if (!follower.Stop(email, sms))
        {
            return false;
        }

        RecordUnseen(actor, RequestEventKind.MessagesStopped, how, now, ("follower_notify", before, Channels(follower)));
        return true;
    }

    /// <summary>Staff judged a suggested duplicate not to be one. Needs <see cref="DuplicateSuggestions"/> loaded.</summary>
    internal void RejectSuggestion(DuplicateSuggestion suggestion, string actor, string? reason, DateTimeOffset now)
    {
        suggestion.Decide(SuggestionDecision.Rejected, actor, now);
        // A staff-only event, but Open311's possible_duplicate_of (extensions=true) loses the candidate: updated_at moves,
        // so that the request's and the lists' validators change too (ConditionalGetRequests).
        Record(actor, RequestEventKind.DuplicateRejected, isPublic: false, reason, now, ("duplicate_suggestion", suggestion.CandidateId, "rejected"));
    }

    /// <summary>Becoming a duplicate of <paramref name="originalId"/> settles its suggestion, if staff were offered one (loaded).</summary>
    internal void ConfirmSuggestionOf(long originalId, string actor, DateTimeOffset now)
    {
        foreach (var suggestion in _duplicateSuggestions.Where(s => s.CandidateId == originalId && s.Decision is null))
        {
            suggestion.Decide(SuggestionDecision.Confirmed, actor, now);
        }
    }

    /// <summary>Who is told and how, without the addresses: a history event holds no contact data.</summary>
    private static string Channels(RequestFollower follower) =>
        string.Join(",", new[] { follower.NotifyEmail ? "email" : null, follower.NotifySms ? "sms" : null }.OfType<string>().DefaultIfEmpty("none"));

    /// <summary>A private change the public cannot see, so public output (updated_datetime included) does not change.</summary>
    private void RecordUnseen(string actor, RequestEventKind kind, string? note, DateTimeOffset now, params (string Field, object? Before, object? After)[] changes)
    {
        var publiclyUpdated = UpdatedAt;
        Record(actor, kind, isPublic: false, note, now, changes);
        UpdatedAt = publiclyUpdated;
    }

    /// <summary>A part of the request for a department, recorded with the department it is for (its id is not known until saved).</summary>
    internal WorkOrder AddWorkOrder(long departmentId, long? assigneeId, string? notes, int? targetMinutes, DateTimeOffset? dueAt, string actor,
        DateTimeOffset now)
    {
        var workOrder = new WorkOrder(JurisdictionId, departmentId, assigneeId, notes, targetMinutes, dueAt, now);
        _workOrders.Add(workOrder);
        RecordUnseen(actor, RequestEventKind.WorkOrderAdded, note: null, now, ("work_order_department_id", null, departmentId),
            ("work_order_assignee_id", null, assigneeId), ("work_order_due_at", null, dueAt));
        return workOrder;
    }

    /// <summary>
    /// A department moved its part (state, assignee, notes): a staff-only event naming the work order and what changed; false when
    /// nothing did. What the citizen is told goes as a public note of its own (<see cref="AddNote"/>), without the department's workings.
    /// </summary>
    internal bool ChangeWorkOrder(WorkOrder workOrder, WorkOrderState state, long? assigneeId, string? notes, string actor, DateTimeOffset now)
    {
        var changes = workOrder.Change(state, assigneeId, notes, now);
        if (changes.Count == 0)
        {
            return false;
        }

        RecordUnseen(actor, RequestEventKind.WorkOrderChanged, note: null, now,
            [("work_order_id", workOrder.Id, workOrder.Id), ("work_order_department_id", workOrder.DepartmentId, workOrder.DepartmentId), .. changes]);
        return true;
    }

    internal void PlanEscalation(DateTimeOffset? next) => NextEscalationAt = next;

    /// <summary>An escalation rule fired: staff only, noting the rule, its clock and share; the priority raised if the rule says so.</summary>
    internal void Escalate(EscalationRule rule, string actor, DateTimeOffset now)
    {
        List<(string, object?, object?)> changes = [(EscalationStep.Field(rule.Clock), EscalatedPercent(rule.Clock), rule.AtPercent)];
        if (rule.Clock == EscalationClock.Response)
        {
            ResponseEscalatedPercent = rule.AtPercent;
        }
        else
        {
            ResolutionEscalatedPercent = rule.AtPercent;
        }

        var note = $"escalation rule {rule.Id}: {rule.Clock.ToOpen311()} clock at {rule.AtPercent} % of its target";
        if (rule.RaisePriorityTo is { } raised && raised > Priority)
        {
            changes.Add((EscalationStep.PriorityField, Priority.ToOpen311(), raised.ToOpen311()));
            note += $", priority {Priority.ToOpen311()} → {raised.ToOpen311()}";
            Priority = raised;
        }

        Record(actor, RequestEventKind.Escalated, isPublic: false, note, now, [.. changes]);
    }

    internal int? EscalatedPercent(EscalationClock clock) => clock == EscalationClock.Response ? ResponseEscalatedPercent : ResolutionEscalatedPercent;

    private RequestEvent Record(string actor, RequestEventKind kind, bool isPublic, string? note, DateTimeOffset at,
        params (string Field, object? Before, object? After)[] changes)
    {
        UpdatedAt = at;
        var recorded = new RequestEvent(at, kind, actor, isPublic, string.IsNullOrWhiteSpace(note) ? null : note, Status, StateId,
            changes.Length == 0 ? null : Changes.Of(changes));
        _history.Add(recorded);
        return recorded;
    }
}
