using Open311.Core.Catalog;

namespace Open311.Api.Hosting;

/// <summary>
/// The demo municipality: Heraklion's citizen-line categories (2813-409409), Xanthi's
/// "Improve my municipality" examples, and the departments that handle them.
/// </summary>
public static class DemoCatalog
{
    public const string JurisdictionId = "heraklion.gr";

    public static Jurisdiction Jurisdiction(DateTimeOffset now) => new()
    {
        Id = JurisdictionId,
        Name = Texts("Δήμος Ηρακλείου", "Municipality of Heraklion"),
        DefaultLocale = "el",
        TimeZone = "Europe/Athens",
        ContactInfo = "Γραμμή Δημότη 2813-409409, εργάσιμες 08:00-14:30",
        KeyService = "Αιτήσεις για κλειδί API: it@heraklion.gr",
        CreatedAt = now,
        // The regional unit of Heraklion with its coastal waters, as the area intake accepts.
        AreaSouth = 34.8, AreaWest = 24.6, AreaNorth = 36.1, AreaEast = 25.9,
    };

    /// <summary>The organisation chart: directorates, and sections under Technical Services.</summary>
    public static Dictionary<string, Department> Departments()
    {
        Department Make(string el, string en, string email) =>
            new() { JurisdictionId = JurisdictionId, Name = Texts(el, en), Email = email };

        var technical = Make("Διεύθυνση Τεχνικών Υπηρεσιών", "Technical Services Directorate", "technical@heraklion.gr");
        return new()
        {
            ["cleaning"] = Make("Διεύθυνση Καθαριότητας και Ανακύκλωσης", "Cleaning and Recycling Directorate", "cleaning@heraklion.gr"),
            ["green"] = Make("Διεύθυνση Πρασίνου", "Parks and Green Spaces Directorate", "green@heraklion.gr"),
            ["technical"] = technical,
            ["roads"] = Make("Τμήμα Οδοποιίας", "Roads Section", "roads@heraklion.gr"),
            ["lighting"] = Make("Τμήμα Ηλεκτροφωτισμού", "Street Lighting Section", "lighting@heraklion.gr"),
            ["traffic"] = Make("Τμήμα Κυκλοφορίας και Σήμανσης", "Traffic and Signage Section", "traffic@heraklion.gr"),
            ["police"] = Make("Δημοτική Αστυνομία", "Municipal Police", "police@heraklion.gr"),
            ["social"] = Make("Διεύθυνση Κοινωνικής Πολιτικής", "Social Policy Directorate", "social@heraklion.gr"),
        };
    }

    /// <summary>Sections that report to the Technical Services Directorate.</summary>
    public static readonly string[] TechnicalSections = ["roads", "lighting", "traffic"];

    /// <summary>
    /// How near a likely duplicate is, by what is reported: a street lamp is one pole (two lamps 20 m apart are two
    /// faults), a pothole a stretch of road, bulky items and an abandoned car a street's length of kerb.
    /// </summary>
    private static readonly Dictionary<string, int> DuplicateDistances = new() { ["004"] = 75, ["005"] = 30, ["006"] = 15, ["011"] = 75 };

    /// <summary>Categories keyed by the department that handles them.</summary>
    public static IEnumerable<(string Department, ServiceCategory Service)> Services()
    {
        ServiceCategory Make(string code, string nameEl, string nameEn, string descEl, string descEn, LocalizedText group, string keywords,
            ServiceType type = ServiceType.Realtime, bool isPublic = true, params ServiceAttribute[] attributes) => new()
            {
                JurisdictionId = JurisdictionId,
                Code = code,
                Name = Texts(nameEl, nameEn),
                Description = Texts(descEl, descEn),
                Group = group,
                Keywords = keywords,
                Type = type,
                IsPublic = isPublic,
                DuplicateDistanceMetres = DuplicateDistances.GetValueOrDefault(code, Core.Duplicates.DuplicateCheck.DefaultDistanceMetres),
                Notice = type == ServiceType.Batch
                    ? Texts("Η αποκομιδή προγραμματίζεται εντός 5 εργάσιμων ημερών.", "Collection is scheduled within 5 working days.")
                    : LocalizedText.Empty,
                Attributes = [.. attributes],
            };

        var cleanliness = Texts("Καθαριότητα", "Cleanliness");
        var green = Texts("Πράσινο", "Green spaces");
        var roads = Texts("Οδοί και κοινόχρηστοι χώροι", "Streets and public spaces");
        var lighting = Texts("Φωτισμός", "Lighting");
        var safety = Texts("Ασφάλεια", "Safety");
        var social = Texts("Κοινωνική υποστήριξη", "Social support");

        yield return ("cleaning", Make("001", "Αιτήματα για Θέματα Καθαριότητας", "Cleaning issues",
            "Ακαθαρσίες, μπάζα, καθαρισμός δρόμων και πλατειών.", "Litter, rubble, street and square cleaning.", cleanliness, "σκουπίδια,καθαριότητα,litter"));
        yield return ("green", Make("002", "Αιτήματα για Θέματα Πρασίνου", "Green space issues",
            "Πότισμα, χόρτα, συντήρηση παρτεριών.", "Watering, weeds, flower bed upkeep.", green, "πράσινο,χόρτα,parks"));
        yield return ("technical", Make("003", "Αιτήματα για Θέματα Τεχνικής Υπηρεσίας", "Technical service issues",
            "Φρεάτια, αποχέτευση ομβρίων, μικρές τεχνικές βλάβες.", "Drains, storm water, small technical faults.", roads, "φρεάτιο,τεχνικά,drain"));
        yield return ("cleaning", Make("004", "Απομάκρυνση Ογκωδών Αντικειμένων", "Bulky item removal",
            "Παραλαβή επίπλων, στρωμάτων, ηλεκτρικών συσκευών από το πεζοδρόμιο.", "Pick-up of furniture, mattresses and appliances from the kerb.",
            cleanliness, "ογκώδη,έπιπλα,bulky", ServiceType.Batch, true,
            Attribute("item_types", AttributeDatatype.MultiValueList, true, 1, "Τι θα παραληφθεί;", "What is to be collected?",
                ("furniture", "Έπιπλα", "Furniture"), ("mattress", "Στρώμα", "Mattress"), ("appliance", "Ηλεκτρική συσκευή", "Appliance"), ("branches", "Κλαδέματα", "Garden cuttings")),
            Attribute("item_count", AttributeDatatype.Number, true, 2, "Πόσα αντικείμενα;", "How many items?"),
            Attribute("available_from", AttributeDatatype.Datetime, false, 3, "Από πότε είναι στο πεζοδρόμιο;", "Since when are they on the kerb?")));
        yield return ("roads", Make("005", "Βλάβες Οδοστρώματος (λακκούβες κλπ)", "Road surface damage (potholes etc.)",
            "Λακκούβες, καθιζήσεις, φθαρμένη άσφαλτος.", "Potholes, subsidence, worn asphalt.", roads, "λακκούβα,άσφαλτος,pothole", ServiceType.Realtime, true,
            Attribute("size", AttributeDatatype.SingleValueList, true, 1, "Μέγεθος", "Size",
                ("small", "Μικρή (< 30 εκ.)", "Small (< 30 cm)"), ("medium", "Μεσαία", "Medium"), ("large", "Μεγάλη (> 1 μ.)", "Large (> 1 m)"))));
        yield return ("lighting", Make("006", "Βλάβη στον Δημοτικό Φωτισμό", "Street lighting fault",
            "Καμένοι λαμπτήρες, σβηστοί ή αναμμένοι τη μέρα στύλοι.", "Burnt-out lamps, lights off at night or on by day.", lighting, "λάμπα,φωτισμός,street light",
            ServiceType.Realtime, true,
            Attribute("pole_number", AttributeDatatype.String, false, 1, "Αριθμός στύλου (αν φαίνεται)", "Pole number (if visible)"),
            Attribute("fault", AttributeDatatype.SingleValueList, true, 2, "Τι συμβαίνει;", "What is wrong?",
                ("off", "Δεν ανάβει", "Does not light"), ("flicker", "Αναβοσβήνει", "Flickers"), ("day", "Ανάβει τη μέρα", "On during the day"))));
        yield return ("green", Make("007", "Κλάδεμα, Κοπή και Φύτευση Δένδρων", "Tree pruning, felling and planting",
            "Αιτήματα για κλάδεμα, κοπή ή φύτευση δέντρων.", "Requests to prune, fell or plant trees.", green, "δέντρο,κλάδεμα,tree"));
        yield return ("technical", Make("008", "Συντήρηση Κοινόχρηστων Χώρων (παιδικές χαρές, πάρκα, πεζοδρόμια κλπ)",
            "Maintenance of public spaces (playgrounds, parks, pavements etc.)",
            "Χαλασμένα όργανα παιδικής χαράς, παγκάκια, πλάκες πεζοδρομίων.", "Broken playground equipment, benches, paving slabs.", roads, "παιδική χαρά,πεζοδρόμιο,playground"));
        yield return ("traffic", Make("009", "Τοποθέτηση Πινακίδων Σήμανσης και Καθρεπτών", "Road signs and traffic mirrors",
            "Νέες ή κατεστραμμένες πινακίδες και καθρέπτες.", "New or damaged signs and traffic mirrors.", safety, "πινακίδα,καθρέπτης,sign"));
        yield return ("lighting", Make("010", "Τοποθέτηση Φωτιστικών Σωμάτων", "New street lights",
            "Αιτήματα για νέα φωτιστικά σε σκοτεινά σημεία.", "Requests for new lights in dark spots.", lighting, "νέο φωτιστικό,lighting"));
        yield return ("police", Make("011", "Εγκαταλελειμμένα οχήματα", "Abandoned vehicles",
            "Οχήματα που φαίνονται εγκαταλελειμμένα σε δημόσιο χώρο.", "Vehicles that look abandoned in a public place.", safety, "όχημα,αυτοκίνητο,abandoned car",
            ServiceType.Realtime, true,
            Attribute("plate", AttributeDatatype.String, false, 1, "Αριθμός κυκλοφορίας", "Licence plate"),
            Attribute("vehicle_type", AttributeDatatype.SingleValueList, true, 2, "Είδος οχήματος", "Vehicle type",
                ("car", "Αυτοκίνητο", "Car"), ("motorbike", "Μοτοσυκλέτα", "Motorbike"), ("truck", "Φορτηγό", "Truck")),
            Attribute("seen_since", AttributeDatatype.Datetime, false, 3, "Από πότε βρίσκεται εκεί;", "Since when has it been there?")));
        yield return ("cleaning", Make("012", "Κάδοι απορριμμάτων", "Waste bins",
            "Γεμάτοι, σπασμένοι ή μετακινημένοι κάδοι.", "Full, broken or moved bins.", cleanliness, "κάδος,απορρίμματα,bin", ServiceType.Realtime, true,
            Attribute("bin_type", AttributeDatatype.SingleValueList, true, 1, "Είδος κάδου", "Bin type",
                ("general", "Γενικά απορρίμματα", "General waste"), ("recycling", "Ανακύκλωση (μπλε)", "Recycling (blue)"), ("organic", "Βιοαπόβλητα (καφέ)", "Organic (brown)")),
            Attribute("problems", AttributeDatatype.MultiValueList, true, 2, "Τι πρόβλημα έχει;", "What is wrong with it?",
                ("full", "Γεμάτος", "Full"), ("broken", "Σπασμένος", "Broken"), ("missing", "Λείπει", "Missing"), ("smell", "Δυσοσμία", "Smell"))));
        yield return ("green", Make("013", "Επικίνδυνα δέντρα", "Dangerous trees",
            "Δέντρα ή κλαδιά που κινδυνεύουν να πέσουν.", "Trees or branches at risk of falling.", green, "επικίνδυνο δέντρο,dangerous tree",
            ServiceType.Realtime, true,
            Attribute("danger", AttributeDatatype.Text, true, 1, "Περιγράψτε τον κίνδυνο", "Describe the danger"),
            Attribute("blocking", AttributeDatatype.SingleValueList, false, 2, "Κλείνει δρόμο ή πεζοδρόμιο;", "Is it blocking a road or pavement?",
                ("yes", "Ναι", "Yes"), ("no", "Όχι", "No")),
            Attribute("safety_notice", AttributeDatatype.String, false, 3,
                "Αν κινδυνεύει άμεσα ζωή, καλέστε το 199.", "If a life is in immediate danger, call 199.", variable: false)));
        // Private: taken by phone for vulnerable residents, never listed through Open311.
        yield return ("social", Make("014", "Κοινωνική υποστήριξη ευπαθών ομάδων", "Support for vulnerable residents",
            "Φάρμακα, ψώνια, σίτιση για ευπαθείς δημότες.", "Medicines, shopping and meals for vulnerable residents.", social, "βοήθεια στο σπίτι",
            ServiceType.Realtime, isPublic: false));
    }

    private static ServiceAttribute Attribute(string code, AttributeDatatype datatype, bool required, int order, string el, string en,
        params (string Key, string El, string En)[] values) => Attribute(code, datatype, required, order, el, en, true, values);

    private static ServiceAttribute Attribute(string code, AttributeDatatype datatype, bool required, int order, string el, string en,
        bool variable, params (string Key, string El, string En)[] values) => new()
        {
            Code = code,
            Datatype = datatype,
            Required = required,
            Order = order,
            Variable = variable,
            Description = Texts(el, en),
            DatatypeDescription = datatype == AttributeDatatype.Datetime
                ? Texts("Ημερομηνία και ώρα, π.χ. 2026-03-01T09:15:00+02:00", "Date and time, e.g. 2026-03-01T09:15:00+02:00")
                : LocalizedText.Empty,
            Values = [.. values.Select((v, i) => new AttributeValue { Key = v.Key, Name = Texts(v.El, v.En), SortOrder = i })],
        };

    /// <summary>The demo's texts are in Greek and English, the two languages it enables.</summary>
    private static LocalizedText Texts(string el, string en) => LocalizedText.Of(("el", el), ("en", en));
}
