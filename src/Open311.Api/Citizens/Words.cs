namespace Open311.Api.Citizens;

/// <summary>A phrase of the citizens' pages in their two languages.</summary>
public sealed record Words(string Greek, string English)
{
    public string In(string language) => language == PageLanguage.English ? English : Greek;
}
