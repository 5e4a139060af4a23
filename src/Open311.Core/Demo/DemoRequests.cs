using System.Globalization;
using Open311.Core.Calendar;
using Open311.Core.Catalog;
using Open311.Core.Requests;
using Open311.Core.ServiceLevels;
using Open311.Core.Workflow;

namespace Open311.Core.Demo;

/// <summary>
/// A few hundred requests spread over a city and the last six months, for the demo municipality.
/// They are made through the same change methods as real ones, so their history has the same shape.
/// </summary>
public static class DemoRequests
{
    private const string ClosingNote = "Το πρόβλημα αποκαταστάθηκε. Ευχαριστούμε για την ενημέρωση.";

    private static readonly string[] Streets =
    [
        "Λεωφόρος Ικάρου", "25ης Αυγούστου", "Πλατεία Ελευθερίας", "Λεωφόρος Κνωσού", "Καλοκαιρινού",
        "Έβανς", "Δικαιοσύνης", "Μαρτύρων", "Λεωφόρος Δημοκρατίας", "Χάνδακος", "Λεωφόρος 62 Μαρτύρων", "Μεραμβέλλου",
    ];

    private static readonly string[] Descriptions =
    [
        "Το πρόβλημα υπάρχει εδώ και μέρες.", "Παρακαλώ να το δείτε το συντομότερο.", "Κινδυνεύουν πεζοί, ιδίως ηλικιωμένοι.",
        "Έχει ξαναδηλωθεί χωρίς αποτέλεσμα.", "Βρίσκεται δίπλα σε σχολείο.", "Problem near the bus stop, please check.",
    ];

    /// <summary>
    /// <paramref name="count"/> requests within about 3 km of the centre, oldest first, numbered per year
    /// in the calendar's zone; older ones are more often resolved. Also the last number used per year.
    /// </summary>
    /// <remarks>Their service-level clocks run on <paramref name="calendar"/> with <paramref name="targets"/>, as intake and handling would set them.</remarks>
    public static (List<ServiceRequest> Requests, Dictionary<int, int> LastNumbers) Generate(string jurisdictionId, IReadOnlyList<ServiceCategory> services,
        RequestWorkflow workflow, long clientId, double centreLat, double centreLong, WorkingCalendar calendar, Func<ServiceCategory, Targets> targets,
        int count, DateTimeOffset now)
    {
        var zone = calendar.Zone;
        var received = workflow.Initial;
        var resolved = workflow.States.Single(s => s.Code == "resolved");
        var random = new Random(311);
        var requests = new List<ServiceRequest>();
        for (var i = 0; i < count; i++)
        {
            var service = services[random.Next(services.Count)];
            var requestedAt = now.AddMinutes(-random.Next(10, 180 * 24 * 60));
            var closed = random.NextDouble() < Math.Min(0.9, (now - requestedAt).TotalDays / 30);
            var description = $"{service.Name["el"]}: {Descriptions[random.Next(Descriptions.Length)]}";
            var lat = Math.Round(centreLat + ((random.NextDouble() - 0.5) * 0.05), 6);
            var lon = Math.Round(centreLong + ((random.NextDouble() - 0.5) * 0.06), 6);
            var address = $"{Streets[random.Next(Streets.Length)]} {random.Next(1, 120)}";
            // Drawn in this order so that the demo data stays the same from one version to the next.
            var answers = SampleAnswers(service, random, requestedAt);
            var submission = new NewRequest
            {
                JurisdictionId = jurisdictionId,
                ServiceCode = service.Code,
                Description = description,
                Lat = lat,
                Long = lon,
                Address = address,
                Channel = random.NextDouble() < 0.3 ? Channel.Phone : Channel.Open311,
                ApiClientId = clientId,
                Actor = $"client:{clientId}",
            };
            var request = ServiceRequest.Receive(submission, service, received, service.DefaultDepartmentId ?? service.DefaultDepartment?.Id, areaId: null,
                answers, "el", requestedAt, [], requestedAt); // the demo's people write in Greek, as its descriptions show
            request.SetClock(ServiceClock.Start(targets(service), requestedAt, calendar));
            if (closed)
            {
                var closedAt = requestedAt.AddHours(random.Next(4, 24 * 14));
                closedAt = closedAt < now ? closedAt : now;
                request.MoveTo(received, resolved, RequestEventKind.StatusChanged, "system", ClosingNote, closedAt);
                request.SetClock(ServiceClock.Move(ServiceClock.Respond(request.Clock, requestedAt, closedAt, calendar), received, resolved, closedAt, calendar));
            }

            requests.Add(request);
        }

        var lastNumbers = new Dictionary<int, int>();
        requests.Sort((a, b) => a.RequestedAt.CompareTo(b.RequestedAt));
        foreach (var request in requests)
        {
            var year = TimeZoneInfo.ConvertTime(request.RequestedAt, zone).Year;
            lastNumbers[year] = lastNumbers.GetValueOrDefault(year) + 1;
            request.Number(ProtocolNumbers.Format(year, lastNumbers[year]));
        }

        return (requests, lastNumbers);
    }

    /// <summary>Valid answers to the service's required attributes, so the demo data passes its own definitions.</summary>
    private static Dictionary<string, string[]> SampleAnswers(ServiceCategory service, Random random, DateTimeOffset requestedAt) =>
        service.Attributes.Where(a => a.Variable && a.Required).ToDictionary(a => a.Code, string[] (a) => a.Datatype switch
        {
            AttributeDatatype.Number => [random.Next(1, 5).ToString(CultureInfo.InvariantCulture)],
            AttributeDatatype.Datetime => [requestedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)],
            AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList => [a.Values[random.Next(a.Values.Count)].Key],
            _ => ["Κλαδί κρέμεται πάνω από το πεζοδρόμιο"],
        });
}
