using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Options;

namespace Open311.Core.Messaging;

/// <summary>
/// SMS through a provider's HTTP API, shaped entirely by <see cref="SmsOptions"/>: most Greek and
/// international gateways take one POST of a JSON object or a form with the recipient, the text
/// and the sender under names of their own. Anything but a 2xx answer throws, and so does a
/// timeout, so the outbox tries again later.
/// </summary>
public sealed class HttpSmsGateway(HttpClient http, IOptions<SmsOptions> options) : ISmsGateway
{
    private readonly SmsOptions _options = options.Value;

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var url = _options.Url ?? throw new InvalidOperationException($"{SmsOptions.Section}:{nameof(SmsOptions.Url)} is not set");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Body(message) };
        request.Headers.Add("Idempotency-Key", message.Id.ToString());
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.UserName}:{_options.Password}")));
        }

        if (!string.IsNullOrEmpty(_options.ApiKeyHeader))
        {
            request.Headers.TryAddWithoutValidation(_options.ApiKeyHeader, _options.ApiKey);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            // Only the status matters; the body is not read, so a gateway cannot make the service hold a large answer.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"the SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the SMS gateway did not answer within {_options.Timeout}");
        }
    }

    private HttpContent Body(SmsMessage message)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(name) && value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        Add(_options.ToField, message.To);
        Add(_options.TextField, message.Text);
        Add(_options.SenderField, _options.Sender);
        Add(_options.MessageIdField, message.Id.ToString());
        return _options.BodyFormat switch
        {
            "json" => JsonContent.Create(fields.ToDictionary(f => f.Key, f => f.Value)),
            "form" => new FormUrlEncodedContent(fields),
            _ => throw new InvalidOperationException($"{SmsOptions.Section}:{nameof(SmsOptions.BodyFormat)} is '{_options.BodyFormat}'; it must be 'json' or 'form'"),
        };
    }
}
