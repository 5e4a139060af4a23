using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Open311.Api.Hosting;

namespace Open311.Tests.Infrastructure;

/// <summary>Speaks to the GeoReport endpoints the way a civic app does.</summary>
public sealed class GeoReportClient(HttpClient http)
{
    public const string Base = "/open311/v2";

    public HttpClient Http => http;

    public async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(string pathAndQuery)
    {
        var response = await http.GetAsync(Base + pathAndQuery);
        return (response, await ReadJsonAsync(response));
    }

    public async Task<(HttpResponseMessage Response, XElement Body)> GetXmlAsync(string pathAndQuery)
    {
        var response = await http.GetAsync(Base + pathAndQuery);
        return (response, await ReadXmlAsync(response));
    }

    public Task<HttpResponseMessage> PostAsync(string format, params (string Key, string Value)[] fields) =>
        http.PostAsync($"{Base}/requests.{format}", new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))));

    /// <summary>Submits with the demo key and returns the new request's id.</summary>
    public async Task<string> SubmitAsync(params (string Key, string Value)[] fields)
    {
        var response = await PostAsync("json", [("api_key", DemoData.ApiKey), .. fields]);
        var body = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body[0].GetProperty("service_request_id").GetString()!;
    }

    public async Task<JsonElement> GetRequestJsonAsync(string id, string query = "")
    {
        var (response, body) = await GetJsonAsync($"/requests/{id}.json{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body[0];
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static async Task<XElement> ReadXmlAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
        return XDocument.Parse(text).Root!;
    }

    /// <summary>Asserts an Open311 JSON error array with one error of the given code, and returns its description.</summary>
    public static async Task<string> AssertJsonErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        Assert.Equal((int)status, body[0].GetProperty("code").GetInt32());
        return body[0].GetProperty("description").GetString()!;
    }

    public static async Task<string> AssertXmlErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await ReadXmlAsync(response);
        Assert.Equal("errors", body.Name.LocalName);
        var error = Assert.Single(body.Elements("error"));
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Element("code")!.Value);
        return error.Element("description")!.Value;
    }
}
