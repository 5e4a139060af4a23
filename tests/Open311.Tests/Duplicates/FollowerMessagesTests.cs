using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Requests;
using Open311.Tests.Infrastructure;
using Open311.Tests.Notifications;

namespace Open311.Tests.Duplicates;

/// <summary>
/// Followers hear of a request's progress through the citizens' own e-mail (a real SMTP server) and SMS (a real HTTP
/// gateway): each once per change, with their own unsubscribe link, and they stop like a requester does.
/// </summary>
public class FollowerMessagesTests
{
    private const string FollowerEmail = "maria.follower@example.gr";
    private const string FollowerPhone = "6977000001";
    private const string SmsOnlyPhone = "6977000002";

    [Fact]
    public async Task AttachedCallers_AreToldOfEachChangeOnce_AndStopByTheLinkOrBySms()
    {
        await using var app = await StartAsync(new CitizenMessagesApp());
        var (id, protocol) = await app.PhoneRequestAsync();
        await app.SettledAsync(id, 2);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");

        var (attached, receipt) = await dispatcher.PostAsync($"/admin/requests/{id}/followers",
            new { email = FollowerEmail, phone = FollowerPhone, notify_email = true, notify_sms = true, language = "en" });
        Assert.True(attached.StatusCode == HttpStatusCode.Created, receipt.ToString());
        Assert.Equal(protocol, receipt.GetProperty("protocol_number").GetString());
        Assert.Contains($"Already reported, protocol {protocol}", receipt.GetProperty("message").GetString());
        var (smsOnly, _) = await dispatcher.PostAsync($"/admin/requests/{id}/followers", new { phone = SmsOnlyPhone, notify_sms = true });
        Assert.Equal(HttpStatusCode.Created, smsOnly.StatusCode);

        await app.TransitionAsync(id, "in_progress", "Το συνεργείο θα περάσει την Τρίτη.");
        await app.SettledAsync(id, 2 + 2 + 2 + 1);

        var followerMail = Assert.Single(Mails(app, FollowerEmail));
        await using var db = app.Db();
        var followers = await db.RequestFollowers.AsNoTracking().Where(f => f.RequestId == id).OrderBy(f => f.Id).ToListAsync();
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.StartsWith("Municipality of Heraklion: news about your request", followerMail.Subject); // in the follower's language
        Assert.Contains($"/unsubscribe/{followers[0].UnsubscribeToken:N}", followerMail.TextBody);
        Assert.DoesNotContain($"{request.UnsubscribeToken:N}", followerMail.TextBody);
        Assert.Single(app.Sms, s => s.To == $"+30{FollowerPhone}");
        Assert.Single(app.Sms, s => s.To == $"+30{SmsOnlyPhone}");

        // The follower's one-click unsubscribe, and the other's STOP reply.
        var http = app.CreateClient();
        var page = await http.GetAsync($"/unsubscribe/{followers[0].UnsubscribeToken:N}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(protocol, await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/unsubscribe/{followers[0].UnsubscribeToken:N}", new FormUrlEncodedContent([]))).StatusCode);
        using var stop = new HttpRequestMessage(HttpMethod.Post, "/sms/inbound")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("from", $"+30 {SmsOnlyPhone}"), KeyValuePair.Create("text", "STOP")]),
        };
        stop.Headers.Add("X-Inbound-Secret", "gateway-replies-secret");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(stop)).StatusCode);

        await app.TransitionAsync(id, "resolved", "Ο λαμπτήρας αντικαταστάθηκε.");
        await app.SettledAsync(id, 7 + 2);
        Assert.Single(Mails(app, FollowerEmail));
        Assert.Single(app.Sms, s => s.To == $"+30{FollowerPhone}");
        Assert.Single(app.Sms, s => s.To == $"+30{SmsOnlyPhone}");
        Assert.Equal(3, app.Mails.Count); // the requester goes on hearing

        var events = await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id).Select(e => new { e.Kind, e.Actor, e.Changes, e.Note }).ToListAsync();
        Assert.Equal(2, events.Count(e => e.Kind == RequestEventKind.FollowerAdded));
        Assert.Equal(2, events.Count(e => e.Kind == RequestEventKind.MessagesStopped && e.Actor == RequestLifecycle.CitizenActor));
        Assert.All(events, e => Assert.DoesNotContain(FollowerEmail, $"{e.Changes}{e.Note}"));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(FollowerEmail) || l.Contains(FollowerPhone) || l.Contains(SmsOnlyPhone));
    }

    [Fact]
    public async Task MergingADuplicate_MovesItsRequesterAndFollowersToTheOriginal()
    {
        await using var app = await StartAsync(new CitizenMessagesApp());
        var (original, protocol) = await app.PhoneRequestAsync(email: true, sms: false);
        var duplicate = await DemoRequests.SubmitAsync(app, ("service_code", "006"), ("lat", "35.33911"), ("long", "25.1339"), ("attribute[fault]", "off"),
            ("email", "second.requester@example.gr"), ("email_alerts_requested", "true"));
        var meToo = await app.GeoReport().Http.PostAsync($"{GeoReportClient.Base}/requests/{duplicate}/followers.json", new FormUrlEncodedContent(
            [KeyValuePair.Create("api_key", Api.Hosting.DemoData.ApiKey), KeyValuePair.Create("email", FollowerEmail),
                KeyValuePair.Create("email_alerts_requested", "true")]));
        Assert.Equal(HttpStatusCode.OK, meToo.StatusCode);
        await app.SettledAsync(duplicate, 1);

        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        var (merged, body) = await dispatcher.PostAsync($"/admin/requests/{duplicate}/duplicate-of",
            new { original_id = original, version = await dispatcher.VersionAsync(duplicate) });
        Assert.True(merged.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal(2, (await dispatcher.RequestAsync(original)).GetProperty("followers").GetInt32());
        Assert.Equal(0, (await dispatcher.RequestAsync(duplicate)).GetProperty("followers").GetInt32());
        await app.SettledAsync(duplicate, 3); // the duplicate's requester and follower are told it is one

        await app.TransitionAsync(original, "in_progress", "Το συνεργείο θα περάσει την Τρίτη.");
        await app.SettledAsync(original, 1 + 1 + 2); // the requester (e-mail only): recorded, updated; each follower: updated
        Assert.Single(Mails(app, "second.requester@example.gr"), m => m.Subject?.Contains(protocol) == true);
        Assert.Single(Mails(app, FollowerEmail), m => m.Subject?.Contains(protocol) == true);
        Assert.Equal(2, Mails(app, FollowerEmail).Count); // the merge news on the duplicate, then the original's progress
    }

    private static List<MimeKit.MimeMessage> Mails(CitizenMessagesApp app, string address) =>
        [.. app.Smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == address))];

    private static async Task<CitizenMessagesApp> StartAsync(CitizenMessagesApp app)
    {
        await app.InitializeAsync();
        return app;
    }
}
