using Open311.Core.Citizens;
using Open311.Core.Messaging;
using Open311.Core.Notifications;

namespace Open311.Tests.Notifications;

/// <summary>Segments counted as phones count them; the defaults fit two; a long note is cut, never a link; addresses masked.</summary>
public class SmsTextTests
{
    private static readonly Uri Follow = new("https://311.heraklion.gr/follow/2026/000123?code=K7M2P9QX4T");
    private static readonly Uri Unsubscribe = new("https://311.heraklion.gr/unsubscribe/0f8fad5bd9cb469fa16570867728950e");

    [Theory]
    [InlineData("Hello", SmsEncoding.Gsm7, 5, 1)]
    [InlineData("ΔΗΜΟΣ ΣΑΣ ΦΩΤΑ", SmsEncoding.Ucs2, 14, 1)] // Η, Μ, Ο, Τ, Α are Greek letters, not the Latin ones GSM has
    [InlineData("ΔΦΓΛΩΠΨΣΘΞ", SmsEncoding.Gsm7, 10, 1)] // the Greek capitals GSM-7 does have
    [InlineData("Price: 5€ [a]", SmsEncoding.Gsm7, 16, 1)] // €, [ and ] are extension characters: two units each
    [InlineData("Καλημέρα", SmsEncoding.Ucs2, 8, 1)]
    public void Encoding_AndUnits(string text, SmsEncoding encoding, int units, int segments) =>
        Assert.Equal(new SmsLength(encoding, units, segments), SmsSegments.Measure(text));

    [Theory]
    [InlineData('a', 160, 1)]
    [InlineData('a', 161, 2)]
    [InlineData('a', 306, 2)]
    [InlineData('a', 307, 3)]
    [InlineData('α', 70, 1)]
    [InlineData('α', 71, 2)]
    [InlineData('α', 134, 2)]
    [InlineData('α', 135, 3)]
    public void Segments_SingleAndSplit(char letter, int length, int segments) =>
        Assert.Equal(segments, SmsSegments.Measure(new string(letter, length)).Count);

    [Theory]
    [InlineData("el", "Καμένος λαμπτήρας", "Σε εξέλιξη", "Το συνεργείο θα περάσει την Τρίτη.", "Δήμος Ηρακλείου")]
    [InlineData("el", "Συντήρηση Κοινόχρηστων Χώρων (παιδικές χαρές, πάρκα, πεζοδρόμια κλπ)", "Διπλό αίτημα", "", "Δήμος Ηρακλείου")]
    [InlineData("en", "Street lighting fault", "In progress", "The crew will come on Tuesday.", "Municipality of Heraklion")]
    [InlineData("en", "Maintenance of public spaces (playgrounds, parks, pavements etc.)", "Acknowledged", "", "Municipality of Heraklion")]
    public void Defaults_FitTwoSegments_WithRealisticValues(string language, string service, string state, string note, string municipality)
    {
        var values = Values(language, service, state, note, municipality);
        foreach (var kind in Enum.GetValues<MessageKind>())
        {
            var sms = MessageText.ForSms(DefaultTemplates.For(kind, MessageChannel.Sms, language), values, maxSegments: 2);
            Assert.InRange(sms.Length.Count, 1, 2);
            Assert.Contains(Follow.AbsoluteUri, sms.Text);
            Assert.Contains(values.Stop, sms.Text);
        }
    }

    [Fact]
    public void LongNote_IsCutWithAnEllipsis_NeverTheLinks()
    {
        var note = string.Concat(Enumerable.Repeat("Ο λαμπτήρας αντικαταστάθηκε και ο στύλος βάφτηκε. ", 10));
        var sms = MessageText.ForSms(DefaultTemplates.For(MessageKind.Closed, MessageChannel.Sms, "el"),
            Values("el", "Καμένος λαμπτήρας", "Επιλύθηκε", note, "Δήμος Ηρακλείου"), maxSegments: 2);

        Assert.Equal(2, sms.Length.Count);
        Assert.True(sms.Text.StartsWith("Αίτημα 2026/000123: έκλεισε (Επιλύθηκε). Ο…", StringComparison.Ordinal), sms.Text); // cut at a word
        Assert.Contains("… " + Follow.AbsoluteUri, sms.Text);
        Assert.EndsWith($"{Follow.AbsoluteUri} Διακοπή: ΣΤΟΠ στο 54001", sms.Text);
        Assert.True(sms.Text.Length > 120, sms.Text); // the note fills what room there is
        var roomier = MessageText.ForSms(DefaultTemplates.For(MessageKind.Closed, MessageChannel.Sms, "el"),
            Values("el", "Καμένος λαμπτήρας", "Επιλύθηκε", note, "Δήμος Ηρακλείου"), maxSegments: 3);
        Assert.Contains("Ο λαμπτήρας αντικαταστάθηκε και ο στύλος βάφτηκε. Ο λαμπτήρας", roomier.Text);
        Assert.Equal(3, roomier.Length.Count);
    }

    [Fact]
    public void LongNote_InAGsm7Text_IsCutWithThreeDots_SoItStaysGsm7()
    {
        var sms = MessageText.ForSms(DefaultTemplates.For(MessageKind.Updated, MessageChannel.Sms, "en"),
            Values("en", "Street lighting fault", "In progress", new string('x', 400), "Municipality of Heraklion"), maxSegments: 2);

        Assert.Equal(SmsEncoding.Gsm7, sms.Length.Encoding);
        Assert.Equal(2, sms.Length.Count);
        Assert.Contains("x... Follow it: ", sms.Text);
    }

    [Fact]
    public void TemplateCheck_TriesEveryValue_SoAShortGreekNameThatForcesUcs2CountsMoreThanALongLatinOne()
    {
        const string Body = "{municipality}: request {protocol_number} ({service}) is now {state}. Follow it: {follow_url} {stop}";
        var latin = Values("en", "Street lighting fault", "In progress", "", "Municipality of Heraklion");
        var greek = latin with { Service = "Λάμπα" };

        Assert.Empty(TemplateRules.Check(MessageChannel.Sms, null, Body, [latin], maxSegments: 2));
        var error = Assert.Single(TemplateRules.Check(MessageChannel.Sms, null, Body, [latin, greek], maxSegments: 2));
        Assert.Equal("body", error.Field);
        Assert.Contains("Ucs2) it takes 3 SMS segments", error.Message);
    }

    [Theory]
    [InlineData("6944123456", "69******56")]
    [InlineData("+306944123456", "+3*********56")]
    [InlineData("12345", "*****")]
    [InlineData("giorgos@example.gr", "g*****@example.gr")]
    [InlineData("a@b.gr", "a*****@b.gr")]
    public void Addresses_AreMasked(string address, string masked) => Assert.Equal(masked, AddressMask.Mask(address));

    [Theory]
    [InlineData("6944123456", "+306944123456")]
    [InlineData("+30 694 412 3456", "+306944123456")]
    [InlineData("0030-6944-123456", "+306944123456")]
    [InlineData("0044 7700 900123", "+447700900123")]
    [InlineData("+44 7700 900123", "+447700900123")]
    [InlineData("τηλέφωνο", null)]
    public void PhoneNumbers_GoToTheGatewayInE164(string given, string? sent) => Assert.Equal(sent, PhoneNumbers.International(given));

    [Fact]
    public async Task AFailedSend_IsToldWithTheAddressMasked_AsAMailServerQuotesIt()
    {
        var failure = await Assert.ThrowsAsync<MessageNotSentException>(() => AddressMask.SendingToAsync("Giorgos@Example.gr",
            () => throw new InvalidOperationException("5.1.1 <giorgos@example.gr>: Recipient address rejected")));

        Assert.Equal("InvalidOperationException: 5.1.1 <G*****@Example.gr>: Recipient address rejected", failure.Message);
        var unrelated = await Assert.ThrowsAsync<TimeoutException>(() => AddressMask.SendingToAsync("6944111222", () => throw new TimeoutException("no answer")));
        Assert.Equal("no answer", unrelated.Message);
    }

    private static MessageValues Values(string language, string service, string state, string note, string municipality) =>
        new("2026/000123", service, state, note.Length == 0 ? [] : [note], Follow, Unsubscribe, DateTimeOffset.UnixEpoch, municipality,
            DefaultTemplates.StopInstruction(language, language == "el" ? "ΣΤΟΠ" : "STOP", "54001", Unsubscribe));
}
