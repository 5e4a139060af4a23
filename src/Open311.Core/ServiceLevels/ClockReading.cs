namespace Open311.Core.ServiceLevels;

/// <summary>
/// A request's clocks as of one moment, in working minutes. Time left is null without a target or
/// once the clock is done (answered, resolved) and negative once the due time has passed; a
/// resolution is breached when more working time was used than the target allows, so a paused or
/// resolved request is judged by the time it actually took.
/// </summary>
public sealed record ClockReading(int? ResponseMinutesLeft, bool ResponseBreached, int? ResolutionMinutesLeft, bool ResolutionBreached, bool Paused,
    int ResolutionUsedMinutes);
