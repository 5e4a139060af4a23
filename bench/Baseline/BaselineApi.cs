using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Open311.Bench.Baseline;

/// <summary>The five calls the benchmark makes, each one SQL statement (or none) and a JSON writer.</summary>
public sealed class BaselineApi(NpgsqlDataSource dataSource, Catalog catalog, TimeProvider clock)
{
    private const int MaxRows = 1000;
    private static readonly TimeSpan Window = TimeSpan.FromDays(90);

    // The columns of a GeoReport request; service and department names come from the catalogue in memory.
    private const string Columns = """
        r.id, r.status, r.status_notes, r.service_id, r.description, r.department_id, r.requested_at, r.updated_at,
        r.expected_at, r.address, r.address_id, r.zipcode, r.lat, r.long, r.external_media_url
        """;

    // Numbers the request and stores it with its first history event in one statement (one round trip,
    // one implicit transaction): the same rows the service writes. With workflows, also the initial state ($12);
    // from 0010 on, the citizen's language, a follow code and an unsubscribe token, as the service makes them.
    private readonly string _insertSql = $$"""
        WITH counter AS (
            INSERT INTO protocol_counters AS c (jurisdiction_id, year, last_number) VALUES ($1, $2, 1)
            ON CONFLICT (jurisdiction_id, year) DO UPDATE SET last_number = c.last_number + 1
            RETURNING c.last_number),
        request AS (
            INSERT INTO service_requests (jurisdiction_id, service_id, status, description, lat, long, address, attributes,
                                          channel, api_client_id, department_id, protocol_number, token, requested_at, updated_at
                                          {{(catalog.HasStates ? ", state_id" : "")}}
                                          {{(catalog.FollowLanguage is null ? "" : ", language, follow_code, unsubscribe_token")}})
            SELECT $1, $3, 'open', $4, $5, $6, $7, '{}', 'open311', $8, $9,
                   $2::text || '/' || lpad(counter.last_number::text, 6, '0'), $10, $11, $11 {{(catalog.HasStates ? ", $12" : "")}}
                   {{(catalog.FollowLanguage is null ? "" : $", '{catalog.FollowLanguage}', upper(substr(md5(random()::text), 1, 10)), gen_random_uuid()")}}
            FROM counter
            RETURNING id, requested_at)
        INSERT INTO request_events (request_id, occurred_at, kind, actor, is_public, status_after {{(catalog.HasStates ? ", state_after_id" : "")}})
        SELECT id, requested_at, 'submitted', 'client:' || $8::text, true, 'open' {{(catalog.HasStates ? ", $12" : "")}} FROM request
        RETURNING request_id
        """;

    public Task ServicesAsync(HttpContext http)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = catalog.ServicesJson.Length;
        return http.Response.Body.WriteAsync(catalog.ServicesJson, http.RequestAborted).AsTask();
    }

    public async Task RequestAsync(HttpContext http)
    {
        if (!long.TryParse(http.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            await ErrorAsync(http, 404, "service_request_id not found");
            return;
        }

        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM service_requests r WHERE r.id = $1 AND r.jurisdiction_id = $2");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = catalog.JurisdictionId });
        if (await WriteRowsAsync(http, command) == 0)
        {
            await ErrorAsync(http, 404, "service_request_id not found");
        }
    }

    /// <summary>GET requests.json with service_code, status and lat/long/radius; the last 90 days, newest first, at most 1,000.</summary>
    public async Task ListAsync(HttpContext http)
    {
        var query = http.Request.Query;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var command = dataSource.CreateCommand();
        string Parameter(object value)
        {
            command.Parameters.Add(new() { Value = value });
            return "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        }

        var sql = new StringBuilder($"SELECT {Columns} FROM service_requests r WHERE r.jurisdiction_id = {Parameter(catalog.JurisdictionId)}");
        sql.Append($" AND r.requested_at >= {Parameter(now - Window)} AND r.requested_at <= {Parameter(now)}");

        // Only public services; one service_code becomes an equality so that (service_id, requested_at) serves it in order.
        var codes = query["service_code"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        long[] ids = codes.Length == 0
            ? catalog.PublicIds
            : [.. codes.Select(c => catalog.ByCode.TryGetValue(c, out var s) ? s.Id : 0).Where(i => i > 0).Distinct()];
        sql.Append(ids.Length == 1 ? $" AND r.service_id = {Parameter(ids[0])}" : $" AND r.service_id = ANY({Parameter(ids)})");

        if (query["status"].ToString() is "open" or "closed")
        {
            sql.Append($" AND r.status = {Parameter(query["status"].ToString())}");
        }

        if (Number(query["lat"]) is { } lat && Number(query["long"]) is { } lon)
        {
            var radius = Number(query["radius"]) ?? 1000;
            sql.Append($" AND ST_DWithin(r.location, ST_SetSRID(ST_MakePoint({Parameter(lon)}, {Parameter(lat)}), 4326)::geography, {Parameter(radius)})");
        }

        sql.Append($" ORDER BY r.requested_at DESC, r.id DESC LIMIT {Parameter(MaxRows + 1)}");
        command.CommandText = sql.ToString();
        await WriteRowsAsync(http, command);
    }

    /// <summary>POST requests.json, form-encoded: API key, a realtime or batch service, lat/long or an address, description.</summary>
    public async Task SubmitAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            await ErrorAsync(http, 400, "the body must be form-encoded");
            return;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var key = form["api_key"].ToString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        if (key.Length == 0 || !catalog.ClientsByKeyHash.TryGetValue(hash, out var clientId))
        {
            await ErrorAsync(http, 403, "api_key is missing or not valid");
            return;
        }

        if (!catalog.ByCode.TryGetValue(form["service_code"].ToString(), out var service))
        {
            await ErrorAsync(http, 404, "service_code not found");
            return;
        }

        var lat = Number(form["lat"]);
        var lon = Number(form["long"]);
        var address = form["address_string"].ToString();
        var description = form["description"].ToString();
        if (lat is null != lon is null || (lat is null && address.Length == 0) || lat is < -90 or > 90 || lon is < -180 or > 180
            || description.Length > 4000)
        {
            await ErrorAsync(http, 400, "a location (lat and long, or address_string) is required; description at most 4,000 characters");
            return;
        }

        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand(_insertSql);
        command.Parameters.Add(new() { Value = catalog.JurisdictionId });
        command.Parameters.Add(new() { Value = TimeZoneInfo.ConvertTime(now, catalog.Zone).Year });
        command.Parameters.Add(new() { Value = service.Id });
        command.Parameters.Add(new() { Value = description.Length == 0 ? DBNull.Value : description });
        command.Parameters.Add(new() { Value = (object?)lat ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
        command.Parameters.Add(new() { Value = (object?)lon ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
        command.Parameters.Add(new() { Value = address.Length == 0 ? DBNull.Value : address });
        command.Parameters.Add(new() { Value = clientId });
        command.Parameters.Add(new() { Value = (object?)service.DepartmentId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = service.Type == "batch" ? Guid.NewGuid() : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = now.UtcDateTime });
        if (catalog.HasStates)
        {
            command.Parameters.Add(new() { Value = (object?)service.InitialStateId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        }

        var id = (long)(await command.ExecuteScalarAsync(http.RequestAborted))!;

        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter, Catalog.JsonOptions);
        json.WriteStartArray();
        json.WriteStartObject();
        json.WriteString("service_request_id", id.ToString(CultureInfo.InvariantCulture));
        json.WriteNull("service_notice");
        json.WriteNull("account_id");
        json.WriteEndObject();
        json.WriteEndArray();
        await json.FlushAsync(http.RequestAborted);
    }

    /// <summary>Streams the rows of <paramref name="command"/> as GeoReport requests; returns how many.</summary>
    private async Task<int> WriteRowsAsync(HttpContext http, NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        if (!reader.HasRows)
        {
            return 0;
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter, Catalog.JsonOptions);
        json.WriteStartArray();
        var count = 0;
        while (count < MaxRows && await reader.ReadAsync(http.RequestAborted))
        {
            count++;
            var service = catalog.ById.GetValueOrDefault(reader.GetInt64(3));
            json.WriteStartObject();
            json.WriteString("service_request_id", reader.GetInt64(0).ToString(CultureInfo.InvariantCulture));
            json.WriteString("status", reader.GetString(1));
            json.WriteString("status_notes", String(reader, 2));
            json.WriteString("service_name", service?.Name);
            json.WriteString("service_code", service?.Code);
            json.WriteString("description", String(reader, 4));
            json.WriteString("agency_responsible", reader.IsDBNull(5) ? null : catalog.Departments.GetValueOrDefault(reader.GetInt64(5)));
            json.WriteString("service_notice", service?.Notice is { Length: > 0 } notice ? notice : null);
            json.WriteString("requested_datetime", Time(reader.GetFieldValue<DateTimeOffset>(6)));
            json.WriteString("updated_datetime", Time(reader.GetFieldValue<DateTimeOffset>(7)));
            json.WriteString("expected_datetime", reader.IsDBNull(8) ? null : Time(reader.GetFieldValue<DateTimeOffset>(8)));
            json.WriteString("address", String(reader, 9));
            json.WriteString("address_id", String(reader, 10));
            json.WriteString("zipcode", String(reader, 11));
            WriteNumber(json, "lat", reader, 12);
            WriteNumber(json, "long", reader, 13);
            json.WriteString("media_url", String(reader, 14));
            json.WriteEndObject();
            if (json.BytesPending > 32 * 1024)
            {
                // Hand the bytes to Kestrel as they come rather than holding the whole page in memory.
                json.Flush();
                await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
            }
        }

        json.WriteEndArray();
        http.Response.Headers["X-Result-Count"] = count.ToString(CultureInfo.InvariantCulture);
        await json.FlushAsync(http.RequestAborted);
        return count;
    }

    private string Time(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, catalog.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string? String(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static void WriteNumber(Utf8JsonWriter json, string name, NpgsqlDataReader reader, int column)
    {
        if (reader.IsDBNull(column))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, reader.GetDouble(column));
        }
    }

    private static double? Number(Microsoft.Extensions.Primitives.StringValues text) =>
        double.TryParse(text.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static async Task ErrorAsync(HttpContext http, int status, string description)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter, Catalog.JsonOptions);
        json.WriteStartArray();
        json.WriteStartObject();
        json.WriteNumber("code", status);
        json.WriteString("description", description);
        json.WriteEndObject();
        json.WriteEndArray();
        await json.FlushAsync(http.RequestAborted);
    }
}
