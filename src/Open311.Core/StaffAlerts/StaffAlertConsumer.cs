using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Catalog;
using Open311.Core.Citizens;
using Open311.Core.Data;
using Open311.Core.Escalation;
using Open311.Core.Messaging;
using Open311.Core.Notifications;
using Open311.Core.Outbox;
using Open311.Core.Requests;
using Open311.Core.Staff;

namespace Open311.Core.StaffAlerts;

/// <summary>
/// Staff alerts by e-mail: a new request to its department's address, a reroute to the new
/// department's, an assignment to the assignee, an escalation to the department's head and the
/// supervisors, as its rule says. Whom is decided with the change (nobody when there
/// is no address or the alert is off); the address is read again at delivery, since an account may
/// have been deactivated or its e-mail removed since. Alerts never carry the citizen's contact
/// data: staff open the request for that, where the look is audited.
/// </summary>
public sealed class StaffAlertConsumer(Open311Db db, IEmailSender email, JurisdictionDirectory jurisdictions, CitizenLinks links)
    : IOutboxConsumer
{
    public const string ConsumerName = "staff-alerts";
    private const string DepartmentKey = "department";
    private const string StaffKey = "staff";

    public string Name => ConsumerName;

    public async ValueTask<IReadOnlyList<OutboxRecipient>> RecipientsAsync(ServiceRequest request, RequestEvent change, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (EscalationStep.Of(change) is { } step)
        {
            return await EscalationRecipientsAsync(request, step, cancellationToken);
        }

        var key = StaffAlertKinds.Of(change.Kind) switch
        {
            // The request as this change left it: its (new) department, its assignee.
            StaffAlertKinds.NewRequest or StaffAlertKinds.Rerouted when request.DepartmentId is { } department => $"{DepartmentKey}:{department}",
            // Who assigned a request to themselves needs no e-mail about it.
            StaffAlertKinds.Assigned when request.AssigneeId is { } assignee && change.Actor != $"{StaffKey}:{assignee}" => $"{StaffKey}:{assignee}",
            _ => null,
        };
        return key is not null && (await AddresseeAsync(key, change.Kind, cancellationToken)).Email is not null ? [new(key)] : OutboxRecipient.None;
    }

    /// <summary>
    /// As the rule that fired says: the head of the request's department and/or every supervisor, of those
    /// who may see the request (all of them, or their own department's for a role limited to one); each once.
    /// </summary>
    private async Task<IReadOnlyList<OutboxRecipient>> EscalationRecipientsAsync(ServiceRequest request, EscalationStep step,
        CancellationToken cancellationToken)
    {
        var rule = await db.EscalationRules.AsNoTracking()
            .FirstOrDefaultAsync(r => r.JurisdictionId == request.JurisdictionId && r.Clock == step.Clock && r.AtPercent == step.AtPercent, cancellationToken);
        var (head, supervisors) = (rule?.AlertHead == true, rule?.AlertSupervisors == true);
        // Only accounts that may see the request: a head who is a staff member of another department is not told of it.
        var accounts = await db.StaffAccounts
            .Where(s => s.JurisdictionId == request.JurisdictionId && (s.Role != StaffRole.Staff || s.DepartmentId == request.DepartmentId))
            .Where(s => (supervisors && s.Supervisor) || (head && db.Departments.Any(d => d.Id == request.DepartmentId && d.HeadId == s.Id)))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        var recipients = new List<OutboxRecipient>();
        foreach (var key in accounts.Select(id => $"{StaffKey}:{id}"))
        {
            if ((await AddresseeAsync(key, RequestEventKind.Escalated, cancellationToken)).Email is not null)
            {
                recipients.Add(new(key));
            }
        }

        return recipients;
    }

    public async Task<DeliveryResult> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var addressee = await AddresseeAsync(delivery.Recipient, delivery.Event.Kind, cancellationToken);
        if (addressee.Email is null)
        {
            return DeliveryResult.Delivered($"not sent: {addressee.WhyNot}");
        }

        var request = await db.Requests.AsNoTracking().Where(r => r.Id == delivery.Event.RequestId)
            // Named columns only: the citizen's contact data is not even read.
            .Select(r => r.Service.IsPublic
                ? new StaffAlertEmail.Request(r.Id, r.ProtocolNumber, r.Service.Name, r.Address, r.Lat, r.Long, r.Description)
                : new StaffAlertEmail.Request(r.Id, r.ProtocolNumber, null, null, null, null, null))
            .FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return DeliveryResult.Delivered("not sent: the request no longer exists");
        }

        var jurisdiction = await jurisdictions.FindAsync(delivery.JurisdictionId, cancellationToken)
            ?? throw new InvalidOperationException($"jurisdiction {delivery.JurisdictionId} does not exist");
        var language = LanguageRule.Choose(jurisdiction.Jurisdiction, addressee.Language, acceptLanguage: null);
        var link = links.StaffRequest(request.Id);
        var (subject, body) = StaffAlertEmail.Compose(StaffAlertKinds.Of(delivery.Event.Kind)!, request, delivery.Event, language, jurisdiction, link);
        await AddressMask.SendingToAsync(addressee.Email, () => email.SendAsync(new EmailMessage(delivery.IdempotencyKey, addressee.Email, subject, body),
            cancellationToken));
        return DeliveryResult.Delivered();
    }

    /// <summary>Whom a recipient key names, as stored now: their address and language, or why they get nothing.</summary>
    private sealed record Addressee(string? Email, string? Language, string WhyNot);

    /// <summary>A recipient's address and alert settings as stored; a department has no language of its own.</summary>
    private sealed record Stored(string? Email, List<string> Alerts, bool Active, string? Language);

    // Compiled, since every new request asks its department's: no expression tree is built, hashed and looked up per call.
    private static readonly Func<Open311Db, long, CancellationToken, Task<Stored?>> DepartmentById = EF.CompileAsyncQuery(
        (Open311Db db, long id, CancellationToken _) =>
            db.Departments.AsNoTracking().Where(d => d.Id == id).Select(d => new Stored(d.Email, d.Alerts, d.Active, null)).FirstOrDefault());

    private static readonly Func<Open311Db, long, CancellationToken, Task<Stored?>> StaffAccountById = EF.CompileAsyncQuery(
        (Open311Db db, long id, CancellationToken _) =>
            db.StaffAccounts.AsNoTracking().Where(s => s.Id == id).Select(s => new Stored(s.Email, s.Alerts, s.Active, s.Language)).FirstOrDefault());

    private async Task<Addressee> AddresseeAsync(string key, RequestEventKind kind, CancellationToken cancellationToken)
    {
        var alert = StaffAlertKinds.Of(kind);
        var type = key.Split(':')[0];
        var id = long.Parse(key[(type.Length + 1)..], CultureInfo.InvariantCulture);
        var found = type switch
        {
            DepartmentKey => await DepartmentById(db, id, cancellationToken),
            StaffKey => await StaffAccountById(db, id, cancellationToken),
            _ => throw new FormatException($"recipient '{key}' is neither a department nor a staff account"),
        };
        var whyNot = found switch
        {
            null => $"{key} no longer exists",
            { Active: false } => $"{key} is inactive",
            { Email: null or "" } => $"{key} has no e-mail address",
            _ when alert is null || !found.Alerts.Contains(alert) => $"{key} has turned off {alert ?? kind.ToString()} alerts",
            _ => null,
        };
        return whyNot is null ? new(found!.Email, found.Language, "") : new(null, null, whyNot);
    }
}
