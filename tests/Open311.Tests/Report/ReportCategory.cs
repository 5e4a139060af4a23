using System.Net;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Report;

/// <summary>A pothole category whose definition asks one question of every Open311 datatype, made through the admin API.</summary>
public static class ReportCategory
{
    public const string Name = "Λακκούβα στον δρόμο";

    public static async Task CreateAsync(Open311App app, string code)
    {
        var admin = await AdminClient.SignInAsync(app, "admin");
        var (response, body) = await admin.PostAsync("/admin/services", new
        {
            code,
            name_el = Name,
            name_en = "Pothole in the road",
            description_el = "Λακκούβες και σπασμένη άσφαλτος σε δρόμους και πεζοδρόμια.",
            description_en = "Potholes and broken asphalt in roads and pavements.",
            group_el = "Δρόμοι και πεζοδρόμια",
            group_en = "Roads and pavements",
            type = "realtime",
            keywords = "λακκούβα,pothole",
            default_department_id = await DemoRequests.DepartmentIdAsync(app, "Roads Section"),
            active = true,
            is_public = true,
            attributes = new object[]
            {
                new
                {
                    code = "size", datatype = "singlevaluelist", required = true, order = 1, description_el = "Μέγεθος", description_en = "Size",
                    values = new[] { new { key = "small", name_el = "Μικρή", name_en = "Small" }, new { key = "large", name_el = "Μεγάλη", name_en = "Large" } },
                },
                new
                {
                    code = "depth_cm", datatype = "number", required = true, order = 2, description_el = "Βάθος (εκ.)", description_en = "Depth (cm)",
                    datatype_description_el = "Περίπου, σε εκατοστά", datatype_description_en = "Roughly, in centimetres",
                },
                new
                {
                    code = "hazards", datatype = "multivaluelist", required = false, order = 3, description_el = "Ποιους κινδυνεύει;", description_en = "Who is at risk?",
                    values = new[]
                    {
                        new { key = "cars", name_el = "Αυτοκίνητα", name_en = "Cars" }, new { key = "bikes", name_el = "Μηχανάκια και ποδήλατα", name_en = "Motorbikes and bicycles" },
                        new { key = "walkers", name_el = "Πεζούς", name_en = "Pedestrians" },
                    },
                },
                new { code = "noticed", datatype = "datetime", required = false, order = 4, description_el = "Πότε το προσέξατε;", description_en = "When did you notice it?" },
                new { code = "landmark", datatype = "string", required = false, order = 5, description_el = "Κοντινό σημάδι", description_en = "Nearby landmark" },
                new { code = "details", datatype = "text", required = false, order = 6, description_el = "Άλλες λεπτομέρειες", description_en = "Other details" },
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
    }
}
