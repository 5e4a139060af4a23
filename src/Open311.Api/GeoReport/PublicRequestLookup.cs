using Npgsql;
using Open311.Core.Catalog;
using Open311.Core.Data;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>
/// GET requests/{id}, the hottest read of Open311 (apps poll their own requests): the request when it is the
/// jurisdiction's and in a public category (the rule of <see cref="RequestSearch.PublicPage"/>), else null.
/// Written on Npgsql rather than EF: one primary-key row in <see cref="RequestView"/>'s columns, a statement Npgsql
/// prepares once per connection, positional parameters it sends as they are, and no context to lease and reset
/// (bench/README.md gives what this saved). The category is checked against the catalogue in memory, not in SQL.
/// RequestLookupTests keeps it equal to <see cref="RequestView.FromRow"/>, the projection every other read uses.
/// </summary>
public sealed class PublicRequestLookup(ReadReplica reads, NpgsqlDataSource primary)
{
    private const string Sql = """
        SELECT id, status, status_notes, service_id, description, department_id, requested_at, updated_at,
               coalesce(expected_at, resolution_due_at), address, address_id, zipcode, lat, long, external_media_url, media_id
        FROM service_requests WHERE id = $1 AND jurisdiction_id = $2
        """;

    /// <summary>
    /// The request as the reads have it; when they have none and may lag, as the primary has it (an app reads its
    /// request right after POST: the rule of <see cref="Open311ReadDb.FindAsync"/>, here on data sources rather than
    /// contexts). <c>FromPrimary</c> says where the rest of the answer must be read.
    /// </summary>
    public async Task<(RequestView? Row, bool FromPrimary)> FindAsync(string jurisdictionId, long id, PublicNames names, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(reads.DataSource, jurisdictionId, id, names, cancellationToken);
        return row is null && reads.MayLag ? (await ReadAsync(primary, jurisdictionId, id, names, cancellationToken), true) : (row, false);
    }

    private static async Task<RequestView?> ReadAsync(NpgsqlDataSource source, string jurisdictionId, long id, PublicNames names, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = jurisdictionId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || !names.IsPublic(reader.GetInt64(3)))
        {
            return null;
        }

        return new RequestView
        {
            Id = reader.GetInt64(0),
            Status = Enum.Parse<RequestStatus>(reader.GetString(1), ignoreCase: true),
            StatusNotes = reader.IsDBNull(2) ? null : reader.GetString(2),
            ServiceId = reader.GetInt64(3),
            Description = reader.IsDBNull(4) ? null : reader.GetString(4),
            DepartmentId = reader.IsDBNull(5) ? null : reader.GetInt64(5),
            RequestedAt = reader.GetFieldValue<DateTimeOffset>(6),
            UpdatedAt = reader.GetFieldValue<DateTimeOffset>(7),
            ExpectedAt = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
            Address = reader.IsDBNull(9) ? null : reader.GetString(9),
            AddressId = reader.IsDBNull(10) ? null : reader.GetString(10),
            Zipcode = reader.IsDBNull(11) ? null : reader.GetString(11),
            Lat = reader.IsDBNull(12) ? null : reader.GetDouble(12),
            Long = reader.IsDBNull(13) ? null : reader.GetDouble(13),
            ExternalMediaUrl = reader.IsDBNull(14) ? null : reader.GetString(14),
            MediaId = reader.IsDBNull(15) ? null : reader.GetGuid(15),
        };
    }
}
