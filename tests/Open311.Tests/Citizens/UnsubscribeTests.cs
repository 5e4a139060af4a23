using System.Net;
using Open311.Core.Requests;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Citizens;

public class UnsubscribeTests(Open311App app) : IClassFixture<Open311App>
{
    private readonly HttpClient _http = app.CreateClient();

    private async Task<ServiceRequest> SubscribedAsync()
    {
        var id = await DemoRequests.SubmitAsync(app, ("service_code", "001"), ("address_string", "Έβανς 10"),
            ("email", "nikos@example.gr"), ("email_alerts_requested", "true"), ("phone", "6944000111"), ("sms_alerts_requested", "true"));
        return await CitizenRequests.StoredAsync(app, id);
    }

    [Fact]
    public async Task Get_ShowsAButtonAndChangesNothing()
    {
        var request = await SubscribedAsync();

        var response = await _http.GetAsync($"/unsubscribe/{request.UnsubscribeToken:N}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"post\"", page);
        Assert.Contains(request.ProtocolNumber, page);
        var after = await CitizenRequests.StoredAsync(app, request.Id);
        Assert.True(after.NotifyEmail);
        Assert.True(after.NotifySms);
        Assert.DoesNotContain(await CitizenRequests.HistoryAsync(app, request.Id), e => e.Kind == RequestEventKind.MessagesStopped);
    }

    [Theory]
    [InlineData("button")]
    [InlineData("one-click")]
    public async Task Post_StopsEveryMessageOnce_AndStaffSeeItInTheHistory(string how)
    {
        var request = await SubscribedAsync();
        // The page's form posts no field; a mail client's RFC 8058 one-click posts List-Unsubscribe=One-Click.
        HttpContent Body() => how == "button"
            ? new FormUrlEncodedContent([])
            : new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]);

        var first = await _http.PostAsync($"/unsubscribe/{request.UnsubscribeToken:N}?lang=en", Body());
        var second = await _http.PostAsync($"/unsubscribe/{request.UnsubscribeToken:N}?lang=en", Body());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await first.Content.ReadAsStringAsync();
        Assert.Contains($"You will get no more messages about request {request.ProtocolNumber}", page);
        Assert.Equal(page, await second.Content.ReadAsStringAsync());
        var after = await CitizenRequests.StoredAsync(app, request.Id);
        Assert.False(after.NotifyEmail);
        Assert.False(after.NotifySms);
        var stopped = Assert.Single(await CitizenRequests.HistoryAsync(app, request.Id), e => e.Kind == RequestEventKind.MessagesStopped);
        Assert.False(stopped.IsPublic);
        Assert.Equal("citizen", stopped.Actor);
        Assert.Contains("notify_email", stopped.Changes);
        Assert.Contains("notify_sms", stopped.Changes);

        // Staff see it in the request's history; the public follow page does not.
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (_, history) = await dispatcher.GetAsync($"/admin/requests/{request.Id}/history");
        Assert.Contains("messagesstopped", history.ToString());
        var follow = await _http.GetStringAsync(await CitizenRequests.FollowPathAsync(app, request.Id));
        Assert.DoesNotContain("citizen", follow);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(follow, "<li>")); // the submission only
        // Afterwards the page says so, with no button.
        Assert.DoesNotContain("<form", await _http.GetStringAsync($"/unsubscribe/{request.UnsubscribeToken:N}"));
    }

    [Fact]
    public async Task ClicksAtOnce_RecordOneStop()
    {
        var request = await SubscribedAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            app.CreateClient().PostAsync($"/unsubscribe/{request.UnsubscribeToken:N}", new FormUrlEncodedContent([]))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(await CitizenRequests.HistoryAsync(app, request.Id), e => e.Kind == RequestEventKind.MessagesStopped);
    }

    [Theory]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("not-a-token")]
    public async Task UnknownToken_IsANotFoundPage(string token)
    {
        var request = await SubscribedAsync();

        var shown = await _http.GetAsync($"/unsubscribe/{token}");
        var posted = await _http.PostAsync($"/unsubscribe/{token}", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.NotFound, shown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Contains("Ο σύνδεσμος δεν ισχύει", await posted.Content.ReadAsStringAsync());
        Assert.True((await CitizenRequests.StoredAsync(app, request.Id)).NotifyEmail);
    }
}
