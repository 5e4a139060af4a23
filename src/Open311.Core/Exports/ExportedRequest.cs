using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Open311.Core.Catalog;
using Open311.Core.Requests;

namespace Open311.Core.Exports;

/// <summary>A request as exports write it: names in the caller's language, contact data only when the export may carry it.</summary>
public sealed record ExportedRequest(
    long Id,
    string ProtocolNumber,
    string ServiceCode,
    string ServiceName,
    string State,
    string StateLabel,
    RequestStatus Status,
    RequestPriority Priority,
    Channel Channel,
    long? DepartmentId,
    string? Department,
    long? AssigneeId,
    long? AreaId,
    string? Description,
    string? Address,
    double? Lat,
    double? Long,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpectedAt,
    DateTimeOffset? ResponseDueAt,
    DateTimeOffset? ResolutionDueAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    int? ResolutionWorkingMinutes,
    int ReopenedCount,
    long? DuplicateOfId,
    // Absent (not null) in a GeoJSON feature exported without contact data.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FirstName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phone)
{
    private static readonly Expression<Func<ServiceRequest, LanguageChoice, bool, ExportedRequest>> Projection = (r, language, contact) => new(
        r.Id, r.ProtocolNumber, r.Service.Code, r.Service.Name.In(language), r.State.Code, r.State.Label.In(language), r.Status, r.Priority, r.Channel,
        r.DepartmentId, r.Department == null ? null : r.Department.Name.In(language), r.AssigneeId, r.AreaId, r.Description, r.Address, r.Lat, r.Long,
        r.RequestedAt, r.UpdatedAt, r.ExpectedAt, r.ResponseDueAt, r.ResolutionDueAt, r.FirstResponseAt, r.ResolvedAt, r.ResolutionWorkingMinutes,
        r.ReopenedCount, r.DuplicateOfId,
        contact ? r.Contact.FirstName : null, contact ? r.Contact.LastName : null, contact ? r.Contact.Email : null, contact ? r.Contact.Phone : null);

    /// <summary>The EF projection, language and contact as captured values (parameters of one cached query, like the staff list's).</summary>
    public static Expression<Func<ServiceRequest, ExportedRequest>> From(LanguageChoice language, bool contact)
    {
        Expression<Func<LanguageChoice>> capturedLanguage = () => language;
        Expression<Func<bool>> capturedContact = () => contact;
        var request = Expression.Parameter(typeof(ServiceRequest), "r");
        return Expression.Lambda<Func<ServiceRequest, ExportedRequest>>(
            Expression.Invoke(Projection, request, capturedLanguage.Body, capturedContact.Body), request);
    }
}
