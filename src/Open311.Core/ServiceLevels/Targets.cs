namespace Open311.Core.ServiceLevels;

/// <summary>The working minutes a request may take to a first response and to resolution; null: no target.</summary>
public readonly record struct Targets(int? ResponseMinutes, int? ResolutionMinutes)
{
    public static readonly Targets None = new(null, null);
}
