using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Open311.Core.Messaging;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Notifications;

/// <summary>
/// Citizens hear of their request by e-mail (a real SMTP server) and SMS (a real HTTP gateway):
/// once per change and channel, in Greek intact, never when they unsubscribed, whatever the
/// receivers' health or the number of service instances.
/// </summary>
public class CitizenMessagesTests
{
    [Fact]
    public async Task RecordedUpdatedAndClosed_EachReachTheCitizenOncePerChannel_InGreekIntact()
    {
        await using var app = await StartAsync(new CitizenMessagesApp());
        var (id, protocol) = await app.PhoneRequestAsync();
        await CitizenMessagesApp.EventuallyAsync(() => app.Mails.Count == 1 && app.Gateway.Calls.Count == 1);
        await app.TransitionAsync(id, "in_progress", "Το συνεργείο θα περάσει την Τρίτη.");
        await CitizenMessagesApp.EventuallyAsync(() => app.Mails.Count == 2 && app.Gateway.Calls.Count == 2);
        await app.TransitionAsync(id, "resolved", "Ο λαμπτήρας αντικαταστάθηκε.");
        await app.SettledAsync(id, 6);

        var mails = app.Mails.ToList();
        Assert.Equal(3, mails.Count);
        Assert.Equal($"Δήμος Ηρακλείου: το αίτημά σας {protocol} καταχωρίστηκε", mails[0].Subject);
        Assert.Equal($"Δήμος Ηρακλείου: νέα για το αίτημά σας {protocol}", mails[1].Subject);
        Assert.Equal($"Δήμος Ηρακλείου: το αίτημά σας {protocol} έκλεισε", mails[2].Subject);
        Assert.Contains("Το αίτημά σας «Βλάβη στον Δημοτικό Φωτισμό» καταχωρίστηκε", mails[0].TextBody);
        Assert.Contains("βρίσκεται τώρα στην κατάσταση: Σε εξέλιξη.", mails[1].TextBody);
        Assert.Contains("Το συνεργείο θα περάσει την Τρίτη.", mails[1].TextBody);
        Assert.Contains("Τελική κατάσταση: Επιλύθηκε.", mails[2].TextBody);
        Assert.Contains("Ο λαμπτήρας αντικαταστάθηκε.", mails[2].TextBody);
        Assert.DoesNotContain("Το συνεργείο", mails[2].TextBody); // a note is told once, in the message after it
        await using var db = app.Db();
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id);
        var follow = $"{CitizenMessagesApp.Site}/follow/{protocol}?code={request.FollowCode}";
        var unsubscribe = $"{CitizenMessagesApp.Site}/unsubscribe/{request.UnsubscribeToken:N}";
        Assert.All(mails, m => Assert.Contains(follow, m.TextBody));
        Assert.All(mails, m => Assert.Contains(unsubscribe, m.TextBody));
        Assert.All(mails, m => Assert.Equal($"<{unsubscribe}>", m.Headers["List-Unsubscribe"]));
        Assert.All(mails, m => Assert.Equal(CitizenMessagesApp.Email, m.To.Mailboxes.Single().Address));

        var sms = app.Sms;
        Assert.Equal(3, sms.Count);
        Assert.All(sms, s => Assert.Equal($"+30{CitizenMessagesApp.Phone}", s.To)); // as gateways want it (E.164)
        Assert.Equal($"Το αίτημά σας {protocol} καταχωρίστηκε: {follow} Διακοπή: ΣΤΟΠ στο 54001", sms[0].Text);
        Assert.StartsWith($"Αίτημα {protocol}: Σε εξέλιξη. Το συνεργείο", sms[1].Text);
        Assert.StartsWith($"Αίτημα {protocol}: έκλεισε (Επιλύθηκε). Ο", sms[2].Text); // the note cut to fit two segments
        Assert.All(sms, s => Assert.EndsWith($"{follow} Διακοπή: ΣΤΟΠ στο 54001", s.Text));
        Assert.All(sms, s => Assert.Equal(SmsEncoding.Ucs2, SmsSegments.Measure(s.Text).Encoding));
        Assert.All(sms, s => Assert.InRange(SmsSegments.Measure(s.Text).Count, 1, 2));
        Assert.All(app.Gateway.Calls, c => Assert.Equal("/send", c.PathAndQuery));

        // Each message carries its outbox idempotency key: Message-ID for e-mail, the id field for SMS.
        var messages = await app.MessagesAsync(id);
        var keys = await db.OutboxMessages.AsNoTracking().Where(m => m.Event.RequestId == id).ToDictionaryAsync(m => m.Id, m => m.IdempotencyKey);
        var emailKeys = messages.Where(m => m.GetProperty("channel").GetString() == "email").Select(m => keys[m.GetProperty("id").GetInt64()]).ToList();
        Assert.Equal(emailKeys.Select(k => $"{k:N}@heraklion.test"), mails.Select(m => m.MessageId));
        Assert.Equal(messages.Where(m => m.GetProperty("channel").GetString() == "sms").Select(m => keys[m.GetProperty("id").GetInt64()].ToString()),
            sms.Select(s => s.Id));
        Assert.Equal(["recorded", "recorded", "updated", "updated", "closed", "closed"], messages.Select(m => m.GetProperty("template").GetString()));
        Assert.Contains("sent: template closed/el (default), ", messages[^1].GetProperty("note").GetString());
        Assert.Matches(@"^sent: template (recorded|updated|closed)/el \(default\)(, [12] SMS segments? \(Ucs2\))?$",
            messages[^2].GetProperty("note").GetString()!);

        // No address or phone ever reaches the logs.
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(CitizenMessagesApp.Email) || l.Contains(CitizenMessagesApp.Phone));
    }

    [Fact]
    public async Task Open311OptIn_InEnglish_ThenTheOneClickUnsubscribe_StopsEveryLaterMessage()
    {
        // A Latin keyword keeps English SMS in GSM-7; the inbound side takes STOP as well as ΣΤΟΠ.
        await using var app = await StartAsync(new CitizenMessagesApp(("Sms:StopKeywords", "STOP,ΣΤΟΠ")));
        var id = await DemoRequests.SubmitAsync(app, ("service_code", "006"), ("lat", "35.3391"), ("long", "25.1339"), ("attribute[fault]", "off"),
            ("email", CitizenMessagesApp.Email), ("phone", CitizenMessagesApp.Phone), ("email_alerts_requested", "true"), ("sms_alerts_requested", "true"),
            ("alerts_language", "en"));
        await app.SettledAsync(id, 2);

        var mail = Assert.Single(app.Mails);
        Assert.StartsWith("Municipality of Heraklion: your request ", mail.Subject);
        Assert.Contains("Your request \"Street lighting fault\" was recorded on ", mail.TextBody);
        var sms = Assert.Single(app.Sms).Text;
        Assert.StartsWith("Municipality of Heraklion: your request ", sms);
        Assert.EndsWith("Reply STOP to 54001 to stop", sms);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Measure(sms).Encoding);
        Assert.InRange(SmsSegments.Measure(sms).Count, 1, 2);
        Assert.Contains("sent: template recorded/en (default)", (await app.MessagesAsync(id))[0].GetProperty("note").GetString());

        // What a mail client does with List-Unsubscribe-Post (RFC 8058), against the service's own endpoint.
        var unsubscribe = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        using var oneClick = new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsync(unsubscribe.PathAndQuery, oneClick)).StatusCode);
        await app.TransitionAsync(id, "in_progress", "We are on it.");
        await Task.Delay(1500); // past the coalescing window

        // Stopped before the change, so the change queued nothing for the citizen.
        Assert.Equal(2, (await app.MessagesAsync(id)).Count);
        Assert.Single(app.Mails);
        Assert.Single(app.Gateway.Calls);
    }

    [Fact]
    public async Task TwoChangesWithinTheWindow_ReachTheCitizenAsOneMessage_WithTheLatestState()
    {
        await using var app = await StartAsync(new CitizenMessagesApp(("Notifications:CoalesceWindow", "00:00:08")));
        var (id, protocol) = await app.PhoneRequestAsync();
        await CitizenMessagesApp.EventuallyAsync(() => app.Mails.Count == 1 && app.Gateway.Calls.Count == 1);

        await app.TransitionAsync(id, "acknowledged", "Το είδαμε.");
        await app.TransitionAsync(id, "in_progress", "Ξεκίνησαν οι εργασίες.");
        await app.SettledAsync(id, 6);
        await Task.Delay(300);

        Assert.Equal(2, app.Mails.Count);
        var update = app.Mails.Last();
        Assert.Contains("κατάσταση: Σε εξέλιξη.", update.TextBody);
        Assert.Contains("Το είδαμε.", update.TextBody);
        Assert.Contains("Ξεκίνησαν οι εργασίες.", update.TextBody);
        Assert.Equal(2, app.Gateway.Calls.Count);
        Assert.True(app.Sms[1].Text.StartsWith($"Αίτημα {protocol}: Σε εξέλιξη. Το είδαμε.", StringComparison.Ordinal), app.Sms[1].Text);
        var messages = await app.MessagesAsync(id);
        var coalesced = messages.Where(m => m.GetProperty("note").GetString()!.StartsWith("coalesced into message #", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, coalesced.Count); // one per channel
        Assert.All(coalesced, m => Assert.Equal("statuschanged", m.GetProperty("event_kind").GetString()));
        var into = coalesced.Select(m => long.Parse(m.GetProperty("note").GetString()!["coalesced into message #".Length..],
            System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(messages.Where(m => m.GetProperty("event_kind").GetString() == "statuschanged" && !coalesced.Contains(m))
            .Select(m => m.GetProperty("id").GetInt64()).ToHashSet(), into);
    }

    [Fact]
    public async Task UnsubscribedCitizen_GetsNothingMore_AndAPrivateNoteTellsNobody()
    {
        // A window wide enough for the UPDATE below to land before the queued update is sent, however slow the machine.
        await using var app = await StartAsync(new CitizenMessagesApp(("Notifications:CoalesceWindow", "00:00:05")));
        var (id, _) = await app.PhoneRequestAsync();
        await CitizenMessagesApp.EventuallyAsync(() => app.Mails.Count == 1 && app.Gateway.Calls.Count == 1);
        var dispatcher = await AdminClient.SignInAsync(app, "dispatcher");
        await dispatcher.PostAsync($"/admin/requests/{id}/notes", new { text = "εσωτερικό", @public = false, version = await dispatcher.VersionAsync(id) });

        await app.TransitionAsync(id, "in_progress", "Ξεκινάμε.");
        await using (var db = app.Db())
        {
            // What the unsubscribe link does, done here directly: the wishes are turned off after the change was queued.
            await db.Database.ExecuteSqlAsync($"UPDATE service_requests SET notify_email = false, notify_sms = false WHERE id = {id}");
        }

        await app.SettledAsync(id, 4);
        await Task.Delay(300);

        Assert.Single(app.Mails);
        Assert.Single(app.Gateway.Calls);
        var later = (await app.MessagesAsync(id)).Skip(2).ToList();
        Assert.Equal(2, later.Count);
        Assert.All(later, m => Assert.Equal("not sent: the citizen unsubscribed", m.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task QuickStartSinks_HoldTheCitizensMessagesAsFilesANewcomerCanOpen()
    {
        var sinks = Path.Combine(Path.GetTempPath(), $"open311-messages-{Guid.NewGuid():N}");
        await using var app = await StartAsync(new CitizenMessagesApp(("Email:Transport", "files"), ("Email:Directory", Path.Combine(sinks, "email")),
            ("Sms:Transport", "files"), ("Sms:Directory", Path.Combine(sinks, "sms"))));
        var (id, protocol) = await app.PhoneRequestAsync();
        await app.SettledAsync(id, 2);

        var sms = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(sinks, "sms"), "*.txt")));
        Assert.StartsWith($"To: +30{CitizenMessagesApp.Phone}\nSegments: 2 (Ucs2)\n\nΤο αίτημά σας {protocol} καταχωρίστηκε: ", sms);
        var emails = await Task.WhenAll(Directory.GetFiles(Path.Combine(sinks, "email"), "*.eml").Select(f => MimeKit.MimeMessage.LoadAsync(f)));
        Assert.Contains(emails, m => m.Subject == $"Δήμος Ηρακλείου: το αίτημά σας {protocol} καταχωρίστηκε");
        Assert.Empty(app.Gateway.Calls);
        Directory.Delete(sinks, recursive: true);
    }

    [Fact]
    public async Task ErasedContact_IsNeverMessaged()
    {
        // A window wide enough for the UPDATE below to land before the queued update is sent, however slow the machine.
        await using var app = await StartAsync(new CitizenMessagesApp(("Notifications:CoalesceWindow", "00:00:05")));
        var (id, _) = await app.PhoneRequestAsync();
        await app.SettledAsync(id, 2);

        await app.TransitionAsync(id, "in_progress", "Ξεκινάμε.");
        await using (var db = app.Db())
        {
            // An anonymisation: the wishes stay, the addresses go.
            await db.Database.ExecuteSqlAsync($"UPDATE service_requests SET contact_email = NULL, contact_phone = NULL WHERE id = {id}");
        }

        await app.SettledAsync(id, 4);

        Assert.Single(app.Mails);
        Assert.Single(app.Gateway.Calls);
        var later = (await app.MessagesAsync(id)).Skip(2).ToList();
        Assert.All(later, m => Assert.Equal("not sent: no address (the contact was erased)", m.GetProperty("note").GetString()));
        Assert.All(later, m => Assert.Equal(JsonValueKind.Null, m.GetProperty("to").ValueKind));
    }

    [Fact]
    public async Task DeadMailServerAndGateway_BlockNoChange_AndTheMessagesGoOutWhenTheyReturn()
    {
        await using var app = await StartAsync(new CitizenMessagesApp());
        await app.Smtp.StopAsync();
        app.Gateway.Answer = HttpStatusCode.ServiceUnavailable;

        var (id, _) = await app.PhoneRequestAsync(); // asserts 201
        await app.TransitionAsync(id, "in_progress", "Σε εξέλιξη."); // asserts 200
        await CitizenMessagesApp.EventuallyAsync(async () => (await app.MessagesAsync(id)).Count(m => m.GetProperty("attempts").GetInt32() >= 2) >= 2);
        Assert.Empty(app.Mails);
        Assert.Empty(app.Gateway.Calls);

        app.Smtp.Start();
        app.Gateway.Answer = HttpStatusCode.OK;
        await app.SettledAsync(id, 4);

        // The recorded message, still failing when the update came, went out as part of the update: one message telling the latest.
        Assert.Single(app.Mails);
        Assert.Single(app.Gateway.Calls);
        Assert.Contains("Σε εξέλιξη", app.Mails.Single().TextBody);
        var messages = await app.MessagesAsync(id);
        Assert.All(messages.Where(m => m.GetProperty("template").GetString() == "recorded"),
            m => Assert.StartsWith("coalesced into message #", m.GetProperty("note").GetString(), StringComparison.Ordinal));
        Assert.Contains(messages, m => m.GetProperty("attempts").GetInt32() >= 2); // failed while the receivers were away
        Assert.All(messages.Where(m => m.GetProperty("template").GetString() == "updated"),
            m => Assert.StartsWith("sent: ", m.GetProperty("note").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(CitizenMessagesApp.Email) || l.Contains(CitizenMessagesApp.Phone));
    }

    [Fact]
    public async Task TwoInstances_DeliverEachMessageOnce()
    {
        await using var first = await StartAsync(new CitizenMessagesApp());
        await using var second = await first.StartSecondInstanceAsync();
        first.Gateway.Delay = TimeSpan.FromMilliseconds(10);

        var requests = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).PhoneRequestAsync()));
        await CitizenMessagesApp.EventuallyAsync(() => first.Mails.Count >= 8 && first.Gateway.Calls.Count >= 8);
        await Task.Delay(500);

        Assert.Equal(8, first.Mails.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(8, first.Mails.Count);
        Assert.Equal(8, first.Gateway.Calls.Count);
        Assert.Equal(requests.Select(r => r.Protocol).Order(), first.Sms.Select(s => s.Text.Split(' ')[3]).Order());
        await using var db = first.Db();
        var citizens = db.OutboxMessages.Where(m => m.Consumer.StartsWith("citizen-")).Select(m => m.Id);
        Assert.Equal(16, await db.OutboxAttempts.CountAsync(a => citizens.Contains(a.MessageId)));
    }

    [Fact]
    public async Task MessagesView_ShowsEveryMessageWithTheAddressMasked_ToStaffWhoCanSeeTheRequest_AndIsAudited()
    {
        await using var app = await StartAsync(new CitizenMessagesApp());
        var (id, _) = await app.PhoneRequestAsync();
        await app.SettledAsync(id, 2);

        var all = await app.AllMessagesAsync(id);
        var alert = Assert.Single(all, m => m.GetProperty("consumer").GetString() == "staff-alerts"); // another consumer's, shown as it is
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("channel").ValueKind);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("to").ValueKind);
        var messages = all.Where(m => m.GetProperty("consumer").GetString() != "staff-alerts").ToList();
        Assert.Equal(["citizen-email", "citizen-sms"], messages.Select(m => m.GetProperty("consumer").GetString()));
        Assert.Equal(["email", "sms"], messages.Select(m => m.GetProperty("channel").GetString()));
        Assert.Equal(["email", "sms"], messages.Select(m => m.GetProperty("recipient").GetString()));
        Assert.Equal(["g*****@example.gr", "69******56"], messages.Select(m => m.GetProperty("to").GetString()));
        Assert.All(messages, m => Assert.Equal("delivered", m.GetProperty("status").GetString()));
        Assert.All(messages, m => Assert.Equal(1, m.GetProperty("attempts").GetInt32()));
        Assert.All(messages, m => Assert.Equal("submitted", m.GetProperty("event_kind").GetString()));
        Assert.All(messages, m => Assert.NotEqual(JsonValueKind.Null, m.GetProperty("delivered_at").ValueKind));

        var lighting = await AdminClient.SignInAsync(app, "lighting");
        var roads = await AdminClient.SignInAsync(app, "roads");
        var before = await ContactViewsAsync(app, id);
        Assert.Equal(HttpStatusCode.OK, (await lighting.GetAsync($"/admin/requests/{id}/messages")).Response.StatusCode);
        AdminClient.AssertProblem(await roads.GetAsync($"/admin/requests/{id}/messages"), HttpStatusCode.NotFound);
        Assert.Equal(before + 1, await ContactViewsAsync(app, id));
    }

    private static async Task<int> ContactViewsAsync(CitizenMessagesApp app, long id)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var db = app.Db();
        return await db.AuditEvents.CountAsync(a => a.Entity == "request" && a.EntityId == key && a.Action == "viewed_contact");
    }

    private static async Task<CitizenMessagesApp> StartAsync(CitizenMessagesApp app)
    {
        await app.InitializeAsync();
        return app;
    }
}
