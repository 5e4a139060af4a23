namespace Open311.Core.Requests;

/// <summary>What became of a citizen's wish to hear no more about a request.</summary>
public enum StopOutcome
{
    /// <summary>No request has that unsubscribe token.</summary>
    NotFound,
    Stopped,
    /// <summary>Nothing was being sent any more (a second click, or the citizen never asked): nothing recorded.</summary>
    AlreadyStopped,
}
