using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Open311.Api.Hosting;

namespace Open311.Tests.Infrastructure;

/// <summary>Speaks to the admin API as a signed-in member of staff.</summary>
public sealed class AdminClient(HttpClient http)
{
    public HttpClient Http => http;

    /// <summary>Signs in with the built-in login as one of the demo accounts (admin, dispatcher, lighting, roads, viewer).</summary>
    public static async Task<AdminClient> SignInAsync(Open311App app, string username, string password = DemoStaff.Password)
    {
        var http = app.CreateClient();
        var response = await http.PostAsJsonAsync("/admin/auth/token", new { username, password });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return new AdminClient(http);
    }

    public Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(string path, object? body) => SendAsync(HttpMethod.Post, path, body);

    public Task<(HttpResponseMessage Response, JsonElement Body)> PutAsync(string path, object? body) => SendAsync(HttpMethod.Put, path, body);

    public Task<(HttpResponseMessage Response, JsonElement Body)> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The request's detail, asserting it is visible; its version is what the next change must name.</summary>
    public async Task<JsonElement> RequestAsync(long id)
    {
        var (response, body) = await GetAsync($"/admin/requests/{id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    public async Task<uint> VersionAsync(long id) => (await RequestAsync(id)).GetProperty("version").GetUInt32();

    /// <summary>Asserts a ProblemDetails answer with this status, and returns it.</summary>
    public static JsonElement AssertProblem((HttpResponseMessage Response, JsonElement Body) answer, HttpStatusCode status)
    {
        Assert.True(answer.Response.StatusCode == status, $"expected {(int)status}, got {(int)answer.Response.StatusCode}: {answer.Body}");
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, answer.Body.GetProperty("status").GetInt32());
        return answer.Body;
    }
}
