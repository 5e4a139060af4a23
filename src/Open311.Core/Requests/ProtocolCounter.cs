namespace Open311.Core.Requests;

/// <summary>The last protocol number issued in a jurisdiction and year.</summary>
public class ProtocolCounter
{
    public required string JurisdictionId { get; set; }
    public int Year { get; set; }
    public int LastNumber { get; set; }
}
