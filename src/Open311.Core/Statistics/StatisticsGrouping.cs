namespace Open311.Core.Statistics;

/// <summary>
/// What statistics can be grouped by: the column of <c>service_requests r</c> a group is keyed on, and
/// how its label is found afterwards (joined as <c>x</c> on the key). Chosen from this fixed list, never
/// from the caller's text.
/// </summary>
public sealed record StatisticsGrouping(string Name, string KeySql, string? LabelJoinSql, string ShownKeySql, string LabelSql, bool LabelIsLocalized)
{
    public static readonly StatisticsGrouping Department = new("department", "r.department_id::text",
        "LEFT JOIN departments x ON x.id = g.k::bigint", "g.k", "x.name::text", true);

    // Categories are keyed by id (two jurisdictions' or two versions' codes never mix) and shown by code.
    public static readonly StatisticsGrouping Category = new("category", "r.service_id::text",
        "LEFT JOIN service_categories x ON x.id = g.k::bigint", "x.code", "x.name::text", true);

    public static readonly StatisticsGrouping Channel = new("channel", "r.channel", null, "g.k", "g.k", false);

    public static readonly StatisticsGrouping Area = new("area", "r.area_id::text",
        "LEFT JOIN department_areas x ON x.id = g.k::bigint", "g.k", "x.name", false);

    public static readonly StatisticsGrouping Assignee = new("assignee", "r.assignee_id::text",
        "LEFT JOIN staff_accounts x ON x.id = g.k::bigint", "g.k", "x.display_name", false);

    public static readonly IReadOnlyList<StatisticsGrouping> All = [Department, Category, Channel, Area, Assignee];

    public static StatisticsGrouping? Named(string name) => All.FirstOrDefault(g => g.Name == name);
}
