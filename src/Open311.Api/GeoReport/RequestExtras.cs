using Microsoft.EntityFrameworkCore;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>What <c>extensions=true</c> adds to a request's standard fields (<see cref="RequestView"/>), besides its notes.</summary>
public sealed record RequestExtras
{
    public long Id { get; init; }
    /// <summary>The workflow state's code, e.g. <c>in_progress</c>.</summary>
    public required string State { get; init; }
    public Channel Channel { get; init; }
    public required string ProtocolNumber { get; init; }
    public long? DuplicateOfId { get; init; }
    public required Dictionary<string, string[]> Attributes { get; init; }

    /// <summary>The extras of the requests <paramref name="ids"/>, which the caller has already read as public ones.</summary>
    public static async Task<Dictionary<long, RequestExtras>> ForAsync(Open311Db db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Requests.AsNoTracking()
            .Where(r => ids.Contains(r.Id))
            .Select(r => new RequestExtras
            {
                Id = r.Id,
                State = r.State.Code,
                Channel = r.Channel,
                ProtocolNumber = r.ProtocolNumber,
                // Only an original Open311 itself would show: links stored before marking refused private or foreign
                // originals (issue 10) must not reveal a social-support request's id or another jurisdiction's.
                DuplicateOfId = r.DuplicateOf != null && r.DuplicateOf.Service.IsPublic && r.DuplicateOf.JurisdictionId == r.JurisdictionId
                    ? r.DuplicateOfId : null,
                Attributes = r.Attributes,
            })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
}
