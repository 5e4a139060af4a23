using Open311.Core.Requests;

namespace Open311.Core.Duplicates;

/// <summary>An open request near a new one, as the intake answer and the staff detail show it (no contact data).</summary>
public sealed record PossibleDuplicate(long Id, string ProtocolNumber, int DistanceMetres, string State, RequestStatus Status,
    DateTimeOffset RequestedAt);
