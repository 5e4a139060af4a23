namespace Open311.Core.Requests;

public enum RequestEventKind
{
    Submitted,
    StatusChanged,
    Note,
}
