using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Open311.Bench.Baseline;

/// <summary>
/// The calls the benchmark makes, each one SQL statement (or none) and a JSON writer. Statements are prepared
/// (the data sources' <c>Max Auto Prepare</c>); the radius query runs on <paramref name="customPlans"/>, whose
/// sessions plan every execution for its parameters (<c>plan_cache_mode = force_custom_plan</c>), since a
/// generic plan of a spatial radius cannot know how many rows the circle holds.
/// </summary>
public sealed class BaselineApi(NpgsqlDataSource dataSource, NpgsqlDataSource customPlans, Catalog catalog, TimeProvider clock)
{
    private const int MaxRows = 1000;
    private static readonly TimeSpan Window = TimeSpan.FromDays(90);
    private const string FollowCodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    // The columns of a GeoReport request; service and department names come from the catalogue in memory.
    // expected_datetime is the promised date, else the resolution due time, as the service answers it.
    private const string Columns = """
        r.id, r.status, r.status_notes, r.service_id, r.description, r.department_id, r.requested_at, r.updated_at,
        coalesce(r.expected_at, r.resolution_due_at), r.address, r.address_id, r.zipcode, r.lat, r.long, r.external_media_url, r.media_id
        """;

    // The service's submission in two statements (two round trips; the service makes about a dozen). First the client
    // app of the key and its rate-limit window (ClientPost, SharedRateLimits), committed on its own as the service's
    // is: one window row per app, so holding its lock until the request's commit would queue every submission of the
    // app behind it. $1 key hash, $2 jurisdiction.
    private const string TakeSql = """
        WITH client AS (
            SELECT a.id, a.rate_limit_per_minute FROM api_clients a WHERE a.key_hash = $1 AND a.revoked_at IS NULL AND a.jurisdiction_id = $2),
        taken AS (
            INSERT INTO rate_limit_windows AS w (key, window_start, hits)
            SELECT 'client:' || client.id, now(), 1 FROM client
            ON CONFLICT (key) DO UPDATE SET
                window_start = CASE WHEN w.window_start <= now() - interval '1 minute' THEN now() ELSE w.window_start END,
                hits = CASE WHEN w.window_start <= now() - interval '1 minute' THEN 1 ELSE w.hits + 1 END
            WHERE w.window_start <= now() - interval '1 minute' OR w.hits < (SELECT rate_limit_per_minute FROM client)
            RETURNING 1)
        SELECT (SELECT id FROM client), EXISTS (SELECT FROM taken),
               (SELECT window_start + interval '1 minute' - now() FROM rate_limit_windows WHERE key = 'client:' || (SELECT id FROM client))
        """;

    // Then everything the intake does in the database (RequestRouter, DuplicateCheck, ServiceLevelTargets, ProtocolNumbers,
    // EscalationPlanner, the outbox consumers' recipients, the inserts) as one statement, one implicit transaction.
    // Parameters: $1 client app, $2 jurisdiction, $3 year, $4 service, $5 description, $6 lat, $7 long, $8 address,
    // $9 the service's default department, $10 batch token, $11 now, $12 initial state, $13 language,
    // $14 duplicate metres, $15 duplicate days, $16 follow code.
    private const string SubmitSql = """
        WITH point AS (SELECT ST_SetSRID(ST_MakePoint($7, $6), 4326)::geography AS p),
        areas AS (
            SELECT d.id, rule.id AS rule_id, rule.department_id
            FROM point, department_areas d
            LEFT JOIN LATERAL (SELECT r.id, r.department_id FROM routing_rules r WHERE r.service_id = $4 AND r.area_id = d.id ORDER BY r.id LIMIT 1) rule ON true
            WHERE d.jurisdiction_id = $2 AND ST_Intersects(d.area, point.p)),
        ruled AS (SELECT id, department_id FROM areas WHERE rule_id IS NOT NULL ORDER BY rule_id LIMIT 1),
        placement AS (
            SELECT coalesce((SELECT department_id FROM ruled), $9) AS department_id,
                   coalesce((SELECT id FROM ruled), (SELECT min(id) FROM areas)) AS area_id),
        duplicates AS (
            SELECT s.id, ST_Distance(s.location, point.p) AS distance, ws.code AS state
            FROM point, service_requests s JOIN workflow_states ws ON ws.id = s.state_id
            WHERE $14 > 0 AND s.jurisdiction_id = $2 AND s.service_id = $4 AND s.status = 'open' AND s.duplicate_of_id IS NULL
              AND s.requested_at >= $11 - make_interval(days => $15) AND ST_DWithin(s.location, point.p, $14)
            ORDER BY 2, s.requested_at DESC
            LIMIT 5),
        level AS (
            SELECT l.response_minutes, l.resolution_minutes FROM service_levels l, placement
            WHERE l.service_id = $4 AND (l.area_id IS NULL OR l.area_id = placement.area_id) AND (l.priority IS NULL OR l.priority = 'normal')
            ORDER BY l.area_id IS NOT NULL DESC, l.priority IS NOT NULL DESC
            LIMIT 1),
        due AS (
            SELECT level.response_minutes, level.resolution_minutes,
                   $11 + make_interval(mins => level.response_minutes) AS response_due,
                   $11 + make_interval(mins => level.resolution_minutes) AS resolution_due
            FROM (SELECT) one LEFT JOIN level ON true),
        escalation AS (
            SELECT min(CASE e.clock WHEN 'response' THEN due.response_due + interval '1 minute' * (due.response_minutes * (e.at_percent - 100) / 100.0)
                                    ELSE due.resolution_due + interval '1 minute' * (due.resolution_minutes * (e.at_percent - 100) / 100.0) END) AS at
            FROM escalation_rules e, due
            WHERE e.jurisdiction_id = $2 AND e.at_percent > 0),
        counter AS (
            INSERT INTO protocol_counters AS c (jurisdiction_id, year, last_number) VALUES ($2, $3, 1)
            ON CONFLICT (jurisdiction_id, year) DO UPDATE SET last_number = c.last_number + 1
            RETURNING c.last_number),
        request AS (
            INSERT INTO service_requests (jurisdiction_id, service_id, status, description, lat, long, address, attributes, channel, api_client_id,
                                          department_id, area_id, priority, protocol_number, token, requested_at, updated_at, state_id,
                                          language, follow_code, unsubscribe_token, response_target_minutes, resolution_target_minutes,
                                          response_due_at, resolution_due_at, clock_running_since, next_escalation_at)
            SELECT $2, $4, 'open', $5, $6, $7, $8, '{}', 'open311', $1, placement.department_id, placement.area_id, 'normal',
                   $3::text || '/' || lpad(counter.last_number::text, 6, '0'), $10, $11, $11, $12,
                   $13, $16, gen_random_uuid(), due.response_minutes, due.resolution_minutes,
                   due.response_due, due.resolution_due, $11, (SELECT at FROM escalation)
            FROM counter, placement, due
            RETURNING id, requested_at, department_id, api_client_id),
        suggestions AS (
            INSERT INTO duplicate_suggestions (request_id, candidate_id, distance_metres, suggested_at)
            SELECT request.id, d.id, round(d.distance)::int, $11 FROM request, duplicates d),
        event AS (
            INSERT INTO request_events (request_id, occurred_at, kind, actor, is_public, status_after, state_after_id)
            SELECT id, requested_at, 'submitted', 'client:' || api_client_id, true, 'open', $12 FROM request
            RETURNING id, request_id),
        messages AS (
            INSERT INTO outbox_messages (jurisdiction_id, consumer, request_event_id, idempotency_key, available_at, created_at, recipient)
            SELECT $2, 'staff-alerts', event.id, gen_random_uuid(), $11, $11, 'department:' || d.id
            FROM event, request, departments d
            WHERE d.id = request.department_id AND d.active AND d.email <> '' AND 'new_request' = ANY (d.alerts)
            UNION ALL
            SELECT $2, 'webhooks', event.id, gen_random_uuid(), $11, $11, w.id::text
            FROM event, webhook_subscriptions w
            WHERE w.jurisdiction_id = $2 AND w.active AND EXISTS (SELECT 1 FROM api_clients a WHERE a.id = w.client_id AND a.revoked_at IS NULL)
              AND (w.event_kinds IS NULL OR 'submitted' = ANY (w.event_kinds)))
        SELECT request_id FROM event
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

    public Task DefinitionAsync(HttpContext http)
    {
        if (!catalog.DefinitionsJson.TryGetValue(http.Request.RouteValues["code"] as string ?? "", out var definition))
        {
            return ErrorAsync(http, 404, "service_code not found");
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = definition.Length;
        return http.Response.Body.WriteAsync(definition, http.RequestAborted).AsTask();
    }

    /// <summary>GET requests.json with service_code, status and lat/long/radius; the last 90 days, newest first, at most 1,000.</summary>
    public async Task ListAsync(HttpContext http)
    {
        var query = http.Request.Query;
        var now = clock.GetUtcNow().UtcDateTime;
        var radiusQuery = Number(query["lat"]) is not null && Number(query["long"]) is not null;
        await using var command = (radiusQuery ? customPlans : dataSource).CreateCommand();
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

        // A literal, not a parameter: one of two values, and only a literal lets a prepared plan use the partial indexes on open requests.
        if (query["status"].ToString() is "open" or "closed")
        {
            sql.Append(query["status"].ToString() == "open" ? " AND r.status = 'open'" : " AND r.status = 'closed'");
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
        if (key.Length == 0)
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

        long clientId;
        await using (var take = dataSource.CreateCommand(TakeSql))
        {
            take.Parameters.Add(new() { Value = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) });
            take.Parameters.Add(new() { Value = catalog.JurisdictionId });
            await using var reader = await take.ExecuteReaderAsync(http.RequestAborted);
            await reader.ReadAsync(http.RequestAborted);
            if (reader.IsDBNull(0))
            {
                await ErrorAsync(http, 403, "api_key is missing or not valid");
                return;
            }

            if (!reader.GetBoolean(1))
            {
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(reader.GetTimeSpan(2).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ErrorAsync(http, 429, "too many submissions a minute from this api_key; try again later");
                return;
            }

            clientId = reader.GetInt64(0);
        }

        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand(SubmitSql);
        command.Parameters.Add(new() { Value = clientId });
        command.Parameters.Add(new() { Value = catalog.JurisdictionId });
        command.Parameters.Add(new() { Value = TimeZoneInfo.ConvertTime(now, catalog.Zone).Year });
        command.Parameters.Add(new() { Value = service.Id });
        command.Parameters.Add(new() { Value = description.Length == 0 ? DBNull.Value : description, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)lat ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
        command.Parameters.Add(new() { Value = (object?)lon ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
        command.Parameters.Add(new() { Value = address.Length == 0 ? DBNull.Value : address, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)service.DepartmentId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = service.Type == "batch" ? Guid.NewGuid() : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = now.UtcDateTime });
        command.Parameters.Add(new() { Value = (object?)service.InitialStateId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = catalog.Language });
        command.Parameters.Add(new() { Value = service.DuplicateDistanceMetres });
        command.Parameters.Add(new() { Value = service.DuplicateAgeDays });
        command.Parameters.Add(new() { Value = RandomNumberGenerator.GetString(FollowCodeAlphabet, 10) });
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
            json.WriteString("media_url", reader.IsDBNull(15) ? String(reader, 14) : $"http://{http.Request.Host}/open311/v2/media/{reader.GetGuid(15)}");
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
