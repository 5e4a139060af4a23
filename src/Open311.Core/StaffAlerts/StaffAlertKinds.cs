using Open311.Core.Requests;

namespace Open311.Core.StaffAlerts;

/// <summary>
/// The e-mail alerts staff can get, spelt as the admin API and the <c>alerts</c> columns spell them:
/// a department's address hears of new and rerouted requests, a staff member of what is assigned to them
/// and of escalations they are to hear of (as a department's head or a supervisor).
/// </summary>
public static class StaffAlertKinds
{
    public const string NewRequest = "new_request";
    public const string Rerouted = "rerouted";
    public const string Assigned = "assigned";
    public const string Escalated = "escalated";

    public static readonly IReadOnlyList<string> ForDepartments = [NewRequest, Rerouted];
    public static readonly IReadOnlyList<string> ForAccounts = [Assigned, Escalated];

    /// <summary>The alert a history event is, if it is one.</summary>
    public static string? Of(RequestEventKind kind) => kind switch
    {
        RequestEventKind.Submitted => NewRequest,
        RequestEventKind.Rerouted => Rerouted,
        RequestEventKind.Assigned => Assigned,
        RequestEventKind.Escalated => Escalated,
        _ => null,
    };

    /// <summary>Why <paramref name="given"/> may not be stored: kinds this kind of recipient cannot get.</summary>
    public static IEnumerable<FieldError> Problems(IReadOnlyList<string>? given, IReadOnlyList<string> known) =>
        (given ?? []).Except(known).Distinct().Select(unknown => new FieldError("alerts", $"unknown alert '{unknown}' (known: {string.Join(", ", known)})"));

    /// <summary>
    /// The set to store: <paramref name="given"/> without repeats, in the order of <paramref name="known"/>;
    /// <paramref name="current"/> when none was given, so a change that does not mention alerts keeps them.
    /// </summary>
    public static List<string> Chosen(IReadOnlyList<string>? given, IReadOnlyList<string> known, IReadOnlyList<string> current) =>
        given is null ? [.. current] : [.. known.Where(given.Contains)];
}
