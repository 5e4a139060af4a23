using Open311.Core;
using Open311.Core.Exports;

namespace Open311.Api.Admin;

/// <summary>The columns of the requests CSV: stable snake_case names for scripts, values in the caller's language, contact last and only when allowed.</summary>
public static class RequestCsvColumns
{
    public sealed record Column(string Name, Func<ExportedRequest, string?> Value);

    public static IReadOnlyList<Column> For(bool withContact, TimeZoneInfo zone)
    {
        List<Column> columns =
        [
            new("id", r => CsvFile.Number(r.Id)),
            new("protocol_number", r => r.ProtocolNumber),
            new("service_code", r => r.ServiceCode),
            new("service_name", r => r.ServiceName),
            new("state", r => r.State),
            new("state_label", r => r.StateLabel),
            new("status", r => r.Status.ToOpen311()),
            new("priority", r => r.Priority.ToOpen311()),
            new("channel", r => r.Channel.ToOpen311()),
            new("department_id", r => CsvFile.Number(r.DepartmentId)),
            new("department", r => r.Department),
            new("assignee_id", r => CsvFile.Number(r.AssigneeId)),
            new("area_id", r => CsvFile.Number(r.AreaId)),
            new("description", r => r.Description),
            new("address", r => r.Address),
            new("lat", r => CsvFile.Number(r.Lat)),
            new("long", r => CsvFile.Number(r.Long)),
            new("requested_at", r => CsvFile.Time(r.RequestedAt, zone)),
            new("updated_at", r => CsvFile.Time(r.UpdatedAt, zone)),
            new("expected_at", r => CsvFile.Time(r.ExpectedAt, zone)),
            new("response_due_at", r => CsvFile.Time(r.ResponseDueAt, zone)),
            new("resolution_due_at", r => CsvFile.Time(r.ResolutionDueAt, zone)),
            new("first_response_at", r => CsvFile.Time(r.FirstResponseAt, zone)),
            new("resolved_at", r => CsvFile.Time(r.ResolvedAt, zone)),
            new("resolution_working_minutes", r => CsvFile.Number(r.ResolutionWorkingMinutes)),
            new("reopened_count", r => CsvFile.Number(r.ReopenedCount)),
            new("duplicate_of_id", r => CsvFile.Number(r.DuplicateOfId)),
        ];
        if (withContact)
        {
            columns.AddRange([
                new("first_name", r => r.FirstName),
                new("last_name", r => r.LastName),
                new("email", r => r.Email),
                new("phone", r => r.Phone),
            ]);
        }

        return columns;
    }
}
