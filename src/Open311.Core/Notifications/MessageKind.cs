using Open311.Core.Requests;

namespace Open311.Core.Notifications;

/// <summary>What a citizen's message tells: each has its own template per channel and language.</summary>
public enum MessageKind
{
    /// <summary>The request was recorded: its protocol number and the link to follow it.</summary>
    Recorded,
    /// <summary>A public state change or public note: the new state and the notes.</summary>
    Updated,
    /// <summary>The request is closed: its final state and note.</summary>
    Closed,
}

/// <summary>The channels a citizen can ask to be told on.</summary>
public enum MessageChannel
{
    Email,
    Sms,
}

public static class MessageKinds
{
    /// <summary>
    /// The kind of message an event calls for. A message that is sent tells of the latest change
    /// (earlier pending ones coalesce into it), so its own event says where the request now is.
    /// </summary>
    public static MessageKind Of(RequestEvent change) => change.Kind == RequestEventKind.Submitted ? MessageKind.Recorded
        : change.StatusAfter == RequestStatus.Closed ? MessageKind.Closed
        : MessageKind.Updated;

    /// <summary>The events citizens hear of: their request recorded, and anything public that happens to it afterwards.</summary>
    public static bool TellsCitizen(RequestEvent change) => change.IsPublic && change.Kind is RequestEventKind.Submitted or RequestEventKind.StatusChanged
        or RequestEventKind.MarkedDuplicate or RequestEventKind.Note;
}
