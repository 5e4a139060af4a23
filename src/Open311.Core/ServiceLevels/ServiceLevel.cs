using Open311.Core.Requests;

namespace Open311.Core.ServiceLevels;

/// <summary>
/// How long a category's requests may take, in working minutes of the jurisdiction's calendar: to
/// the first answer from staff and to resolution. Optionally only inside one department area
/// and/or for one priority; <see cref="ServiceLevelBook.TargetsFor"/> picks the most specific row that matches.
/// </summary>
public class ServiceLevel
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    public long ServiceId { get; set; }
    /// <summary>Null: anywhere.</summary>
    public long? AreaId { get; set; }
    /// <summary>Null: any priority.</summary>
    public RequestPriority? Priority { get; set; }
    public int? ResponseMinutes { get; set; }
    public int? ResolutionMinutes { get; set; }
}
