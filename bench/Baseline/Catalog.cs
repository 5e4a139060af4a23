using System.Text.Encodings.Web;
using System.Text.Json;
using Npgsql;

namespace Open311.Bench.Baseline;

/// <summary>A public service as the request lists show it.</summary>
public sealed record Service(long Id, string Code, string Name, string Notice, string Type, long? DepartmentId,
    int DuplicateDistanceMetres, int DuplicateAgeDays)
{
    /// <summary>The first state of the service's workflow, on schemas that have workflows (migration 0002).</summary>
    public long? InitialStateId { get; init; }
}

/// <summary>
/// Everything that changes rarely, read once at start-up: the (single) jurisdiction, the public
/// catalogue and department names, as the service's catalogue cache holds them. The services list and
/// each service definition are kept as ready JSON bytes. API keys are not: the service reads its
/// client from the database on every submission, so the baseline's submission does too.
/// </summary>
public sealed class Catalog
{
    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public required string JurisdictionId { get; init; }
    public required TimeZoneInfo Zone { get; init; }
    public required Dictionary<string, Service> ByCode { get; init; }
    public required Dictionary<long, Service> ById { get; init; }
    public required long[] PublicIds { get; init; }
    public required Dictionary<long, string> Departments { get; init; }
    public required byte[] ServicesJson { get; init; }
    /// <summary>GET services/{code}.json of each public service.</summary>
    public required Dictionary<string, byte[]> DefinitionsJson { get; init; }
    /// <summary>The jurisdiction's default language: a request submitted without one is written to in it.</summary>
    public required string Language { get; init; }

    public static async Task<Catalog> LoadAsync(NpgsqlDataSource dataSource)
    {
        string jurisdictionId;
        TimeZoneInfo zone;
        string language;
        await using (var command = dataSource.CreateCommand("""
            SELECT id, time_zone, default_locale FROM jurisdictions ORDER BY id LIMIT 1
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException("No jurisdiction: start the service once with Open311__LoadDemoData=true.");
            }

            jurisdictionId = reader.GetString(0);
            zone = TimeZoneInfo.FindSystemTimeZoneById(reader.GetString(1));
            language = reader.GetString(2);
        }

        // Schemas from 0008 on keep each text as a jsonb map by language, earlier ones as {name}_el/{name}_en columns.
        await using var probe = dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'service_categories' AND column_name = 'name')");
        var maps = (bool)(await probe.ExecuteScalarAsync())!;
        string Greek(string table, string column) => maps ? $"coalesce({table}.\"{column}\" ->> 'el', '')" : $"{table}.{column}_el";

        var services = new List<Service>();
        using var servicesJson = new MemoryStream();
        await using (var json = new Utf8JsonWriter(servicesJson, JsonOptions))
        await using (var command = dataSource.CreateCommand($"""
            SELECT s.id, s.code, {Greek("s", "name")}, {Greek("s", "description")}, s.type, s.keywords, {Greek("s", "group")}, {Greek("s", "notice")},
                   s.default_department_id,
                   EXISTS (SELECT 1 FROM service_attributes a WHERE a.service_id = s.id),
                   s.duplicate_distance_metres, s.duplicate_age_days
            FROM service_categories s
            WHERE s.jurisdiction_id = $1 AND s.active AND s.is_public
            ORDER BY s.code
            """))
        {
            command.Parameters.Add(new() { Value = jurisdictionId });
            await using var reader = await command.ExecuteReaderAsync();
            json.WriteStartArray();
            while (await reader.ReadAsync())
            {
                services.Add(new Service(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(7), reader.GetString(4),
                    reader.IsDBNull(8) ? null : reader.GetInt64(8), reader.GetInt32(10), reader.GetInt32(11)));
                json.WriteStartObject();
                json.WriteString("service_code", reader.GetString(1));
                json.WriteString("service_name", reader.GetString(2));
                json.WriteString("description", reader.GetString(3));
                json.WriteBoolean("metadata", reader.GetBoolean(9));
                json.WriteString("type", reader.GetString(4));
                json.WriteString("keywords", reader.GetString(5));
                json.WriteString("group", reader.GetString(6));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        // Schemas with workflows: a new request starts in the initial state of its service's workflow
        // (the jurisdiction's default workflow when the service names none).
        await using (var command = dataSource.CreateCommand("""
            SELECT to_regclass('workflow_states') IS NOT NULL
               AND EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'service_categories' AND column_name = 'workflow_id')
            """))
        {
            if ((bool)(await command.ExecuteScalarAsync())!)
            {
                var initial = await ReadPairsAsync(dataSource, """
                    SELECT s.id, ws.id
                    FROM service_categories s
                    JOIN workflow_states ws ON ws.is_initial AND ws.workflow_id = COALESCE(s.workflow_id,
                        (SELECT w.id FROM workflows w WHERE w.jurisdiction_id = s.jurisdiction_id AND w.is_default))
                    """, r => (r.GetInt64(0), r.GetInt64(1)));
                services = [.. services.Select(s => s with { InitialStateId = initial.TryGetValue(s.Id, out var state) ? state : null })];
            }
        }

        return new Catalog
        {
            JurisdictionId = jurisdictionId,
            Zone = zone,
            Language = language,
            ByCode = services.ToDictionary(s => s.Code, StringComparer.Ordinal),
            ById = services.ToDictionary(s => s.Id),
            PublicIds = [.. services.Select(s => s.Id)],
            Departments = await ReadPairsAsync(dataSource, $"SELECT d.id, {Greek("d", "name")} FROM departments d", r => (r.GetInt64(0), r.GetString(1))),
            ServicesJson = servicesJson.ToArray(),
            DefinitionsJson = await DefinitionsAsync(dataSource, services, Greek),
        };
    }

    /// <summary>
    /// The service definition of each public service as the service writes it: its attributes in order, each with
    /// its values in order (texts in the jurisdiction's language, as services.json).
    /// </summary>
    private static async Task<Dictionary<string, byte[]>> DefinitionsAsync(NpgsqlDataSource dataSource, List<Service> services,
        Func<string, string, string> greek)
    {
        var attributes = services.ToDictionary(s => s.Id, _ => new List<(long Id, bool Variable, string Code, string Datatype, bool Required,
            string DatatypeDescription, int Order, string Description)>());
        await using (var command = dataSource.CreateCommand($"""
            SELECT a.id, a.service_id, a.variable, a.code, a.datatype, a.required, {greek("a", "datatype_description")}, a."order", {greek("a", "description")}
            FROM service_attributes a ORDER BY a.service_id, a."order", a.id
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                if (attributes.TryGetValue(reader.GetInt64(1), out var list))
                {
                    list.Add((reader.GetInt64(0), reader.GetBoolean(2), reader.GetString(3), reader.GetString(4), reader.GetBoolean(5), reader.GetString(6),
                        reader.GetInt32(7), reader.GetString(8)));
                }
            }
        }

        var values = new Dictionary<long, List<(string Key, string Name)>>();
        await using (var command = dataSource.CreateCommand($"SELECT v.attribute_id, v.key, {greek("v", "name")} FROM attribute_values v ORDER BY v.attribute_id, v.sort_order, v.id"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var attributeId = reader.GetInt64(0);
                if (!values.TryGetValue(attributeId, out var list))
                {
                    values[attributeId] = list = [];
                }

                list.Add((reader.GetString(1), reader.GetString(2)));
            }
        }

        var definitions = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            using var bytes = new MemoryStream();
            await using (var json = new Utf8JsonWriter(bytes, JsonOptions))
            {
                json.WriteStartObject();
                json.WriteString("service_code", service.Code);
                json.WriteStartArray("attributes");
                foreach (var attribute in attributes[service.Id])
                {
                    json.WriteStartObject();
                    json.WriteBoolean("variable", attribute.Variable);
                    json.WriteString("code", attribute.Code);
                    json.WriteString("datatype", attribute.Datatype);
                    json.WriteBoolean("required", attribute.Required);
                    json.WriteString("datatype_description", attribute.DatatypeDescription);
                    json.WriteNumber("order", attribute.Order);
                    json.WriteString("description", attribute.Description);
                    json.WriteStartArray("values");
                    foreach (var (key, name) in values.GetValueOrDefault(attribute.Id) ?? [])
                    {
                        json.WriteStartObject();
                        json.WriteString("key", key);
                        json.WriteString("name", name);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            definitions[service.Code] = bytes.ToArray();
        }

        return definitions;
    }

    private static async Task<Dictionary<TKey, TValue>> ReadPairsAsync<TKey, TValue>(
        NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, (TKey, TValue)> read)
        where TKey : notnull
    {
        var pairs = new Dictionary<TKey, TValue>();
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (key, value) = read(reader);
            pairs[key] = value;
        }

        return pairs;
    }
}
