using Open311.Core.Catalog;

namespace Open311.Core.WorkOrders;

/// <summary>The public note of a request closed because its last work order was done, in the request's language (Greek, else English).</summary>
public static class WorkOrderTexts
{
    private static readonly LocalizedText AllDone = LocalizedText.Of(
        ("el", "Ολοκληρώθηκαν όλες οι εργασίες για το αίτημά σας."),
        ("en", "All the work on your request is done."));

    public static string Closing(string language) => AllDone.In(new LanguageChoice(language, "en"));
}
