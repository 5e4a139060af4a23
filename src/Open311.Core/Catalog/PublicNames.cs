namespace Open311.Core.Catalog;

/// <summary>
/// What a public request answer names besides the request's own row: its category (public ones only, active or
/// retired, since a request keeps its category) and its department, by id. Kept with the catalogue snapshot, so the
/// Open311 request rows (lists, one request, a token, a list's tag) are read from <c>service_requests</c> alone: no join
/// planned per call, and a list of one category walks that category's index in order (bench/README.md). A private
/// category is not in here at all, so nothing built from these names can show one.
/// </summary>
public sealed class PublicNames
{
    private readonly Dictionary<long, PublicCategory> _categories;
    private readonly Dictionary<string, long> _idsByCode;
    private readonly Dictionary<long, LocalizedText> _departments;

    public PublicNames(IEnumerable<PublicCategory> categories, IEnumerable<KeyValuePair<long, LocalizedText>> departments)
    {
        _categories = categories.ToDictionary(c => c.Id);
        _idsByCode = _categories.Values.ToDictionary(c => c.Code, c => c.Id, StringComparer.Ordinal);
        _departments = new(departments);
        ServiceIds = [.. _categories.Keys.Order()];
    }

    /// <summary>The ids of every public category: a public list keeps to them.</summary>
    public IReadOnlyList<long> ServiceIds { get; }

    /// <summary>The ids of the public categories among <paramref name="codes"/>; unknown and private codes match nothing.</summary>
    public IReadOnlyList<long> ServiceIdsOf(IEnumerable<string> codes) =>
        [.. codes.Select(code => _idsByCode.TryGetValue(code, out var id) ? id : 0).Where(id => id != 0).Distinct()];

    public PublicCategory Category(long serviceId) => _categories[serviceId];

    /// <summary>True when the category is public: the one-request lookup checks here rather than in SQL.</summary>
    public bool IsPublic(long serviceId) => _categories.ContainsKey(serviceId);

    /// <summary>The department's name; null while a request has none.</summary>
    public LocalizedText? Department(long? departmentId) =>
        departmentId is { } id && _departments.TryGetValue(id, out var name) ? name : null;
}

/// <summary>A public category as a request answer names it.</summary>
public sealed record PublicCategory(long Id, string Code, LocalizedText Name, LocalizedText Notice);
