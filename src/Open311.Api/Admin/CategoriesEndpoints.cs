using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core.Audit;
using Open311.Core.Catalog;
using Open311.Core.Data;

namespace Open311.Api.Admin;

/// <summary>
/// Service categories with everything Open311 serves about them, their attributes, default
/// department and workflow. Changes show in the Open311 endpoints at once (CatalogCache is cleared on every save).
/// </summary>
public static partial class CategoriesEndpoints
{
    // Every text comes as a {field}_el/{field}_en pair or a {field}s map for any enabled language, or both (TextInput).
    public sealed record ValueInput(string Key, string NameEl = "", string NameEn = "", Dictionary<string, string>? Names = null);

    public sealed record AttributeInput(string Code, AttributeDatatype Datatype, bool Required, int Order, string DescriptionEl = "", string DescriptionEn = "",
        bool Variable = true, string? DatatypeDescriptionEl = null, string? DatatypeDescriptionEn = null, List<ValueInput>? Values = null,
        Dictionary<string, string>? Descriptions = null, Dictionary<string, string>? DatatypeDescriptions = null);

    public sealed record CategoryInput(string Code, string NameEl = "", string NameEn = "", string DescriptionEl = "", string DescriptionEn = "",
        string GroupEl = "", string GroupEn = "", ServiceType Type = ServiceType.Realtime, string Keywords = "", string? NoticeEl = null,
        string? NoticeEn = null, long? DefaultDepartmentId = null, long? WorkflowId = null, bool Active = true, bool IsPublic = true,
        List<AttributeInput>? Attributes = null, Dictionary<string, string>? Names = null, Dictionary<string, string>? Descriptions = null,
        Dictionary<string, string>? Groups = null, Dictionary<string, string>? Notices = null);

    /// <summary>The same fields as the input, as stored.</summary>
    public sealed record CategoryView(long Id, string Code, string NameEl, string NameEn, string DescriptionEl, string DescriptionEn, string GroupEl,
        string GroupEn, ServiceType Type, string Keywords, string NoticeEl, string NoticeEn, long? DefaultDepartmentId, long? WorkflowId, bool Active,
        bool IsPublic, List<AttributeInput> Attributes, Dictionary<string, string> Names, Dictionary<string, string> Descriptions,
        Dictionary<string, string> Groups, Dictionary<string, string> Notices);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex UrlSafeCode();

    public static void MapCategories(this IEndpointRouteBuilder routes)
    {
        var categories = routes.MapGroup("/services");
        categories.MapGet("", List).WithName("ListCategories").WithSummary("All categories, private and inactive ones included");
        categories.MapGet("/{id:long}", Get).WithName("GetCategory").WithSummary("One category with its attributes").Produces<CategoryView>().ProducesProblem(StatusCodes.Status404NotFound);
        categories.MapPost("", Create).WithName("CreateCategory").WithSummary("Add a category").Produces<CategoryView>(StatusCodes.Status201Created)
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        categories.MapPut("/{id:long}", Update).WithName("UpdateCategory").WithSummary("Change a category; its attributes are replaced by those given").Produces<CategoryView>()
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        categories.MapDelete("/{id:long}", Delete).WithName("DeleteCategory").WithSummary("Delete a category that has no requests").Produces(StatusCodes.Status204NoContent)
            .RequireAuthorization(AuthRegistration.Policies.Admin).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Ok<List<CategoryView>>> List(ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await Categories(db, user.Actor().JurisdictionId).OrderBy(s => s.Code).ToListAsync(cancellationToken)).Select(View).ToList());

    public static async Task<IResult> Get(long id, ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        await Categories(db, user.Actor().JurisdictionId).FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } found
            ? TypedResults.Ok(View(found))
            : Problems.NotFound($"no category {id}");

    public static async Task<IResult> Create(CategoryInput input, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        if (await CheckAsync(input, actor.JurisdictionId, db, cancellationToken) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        if (await db.Services.AnyAsync(s => s.JurisdictionId == actor.JurisdictionId && s.Code == input.Code, cancellationToken))
        {
            return Problems.Conflict($"service_code {input.Code} is taken");
        }

        var category = new ServiceCategory
        {
            JurisdictionId = actor.JurisdictionId, Code = input.Code, Name = LocalizedText.Empty, Description = LocalizedText.Empty, Group = LocalizedText.Empty,
        };
        Apply(input, category);
        db.Services.Add(category);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"{AdminApi.BasePath}/services/{category.Id}", View(category));
    }

    public static async Task<IResult> Update(long id, CategoryInput input, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var category = await Categories(db, actor.JurisdictionId).AsTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (category is null)
        {
            return Problems.NotFound($"no category {id}");
        }

        var errors = await CheckAsync(input, actor.JurisdictionId, db, cancellationToken);
        if (input.Code != category.Code)
        {
            errors.Add(("code", "a service_code cannot change: civic apps and stored requests refer to it"));
        }

        if (input.WorkflowId != category.WorkflowId && await db.Requests.AnyAsync(r => r.ServiceId == id, cancellationToken))
        {
            errors.Add(("workflow_id", "the category has requests in its current workflow's states: create a new category for the new workflow"));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        Apply(input, category);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(View(category));
    }

    public static async Task<IResult> Delete(long id, ClaimsPrincipal user, Open311Db db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = user.Actor();
        var category = await Categories(db, actor.JurisdictionId).AsTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (category is null)
        {
            return Problems.NotFound($"no category {id}");
        }

        if (await db.Requests.AnyAsync(r => r.ServiceId == id, cancellationToken) || await db.RoutingRules.AnyAsync(r => r.ServiceId == id, cancellationToken))
        {
            return Problems.Conflict($"category {id} has requests or routing rules: deactivate it instead (active=false)");
        }

        db.Services.Remove(category);
        await db.SaveAuditedAsync(actor, clock.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static IQueryable<ServiceCategory> Categories(Open311Db db, string jurisdictionId) =>
        db.Services.AsNoTracking()
            .Where(s => s.JurisdictionId == jurisdictionId)
            .Include(s => s.Attributes.OrderBy(a => a.Order))
            .ThenInclude(a => a.Values.OrderBy(v => v.SortOrder))
            .AsSplitQuery();

    private static void Apply(CategoryInput input, ServiceCategory category)
    {
        category.Name = TextInput.Read(input.NameEl, input.NameEn, input.Names);
        category.Description = TextInput.Read(input.DescriptionEl, input.DescriptionEn, input.Descriptions);
        category.Group = TextInput.Read(input.GroupEl, input.GroupEn, input.Groups);
        category.Notice = TextInput.Read(input.NoticeEl ?? "", input.NoticeEn ?? "", input.Notices);
        (category.Type, category.Keywords, category.DefaultDepartmentId, category.WorkflowId, category.Active, category.IsPublic) =
            (input.Type, input.Keywords, input.DefaultDepartmentId, input.WorkflowId, input.Active, input.IsPublic);
        category.Attributes = [.. (input.Attributes ?? []).Select(a => new ServiceAttribute
        {
            Code = a.Code, Datatype = a.Datatype, Required = a.Required, Order = a.Order, Variable = a.Variable,
            Description = TextInput.Read(a.DescriptionEl, a.DescriptionEn, a.Descriptions),
            DatatypeDescription = TextInput.Read(a.DatatypeDescriptionEl ?? "", a.DatatypeDescriptionEn ?? "", a.DatatypeDescriptions),
            Values = [.. (a.Values ?? []).Select((v, i) => new AttributeValue { Key = v.Key, Name = TextInput.Read(v.NameEl, v.NameEn, v.Names), SortOrder = i })],
        })];
    }

    private static CategoryView View(ServiceCategory s) => new(s.Id, s.Code, s.Name["el"], s.Name["en"], s.Description["el"], s.Description["en"],
        s.Group["el"], s.Group["en"], s.Type, s.Keywords, s.Notice["el"], s.Notice["en"], s.DefaultDepartmentId, s.WorkflowId, s.Active, s.IsPublic,
        [.. s.Attributes.OrderBy(a => a.Order).Select(a => new AttributeInput(a.Code, a.Datatype, a.Required, a.Order, a.Description["el"],
            a.Description["en"], a.Variable, a.DatatypeDescription["el"], a.DatatypeDescription["en"],
            [.. a.Values.OrderBy(v => v.SortOrder).Select(v => new ValueInput(v.Key, v.Name["el"], v.Name["en"], TextInput.Map(v.Name)))],
            TextInput.Map(a.Description), TextInput.Map(a.DatatypeDescription)))],
        TextInput.Map(s.Name), TextInput.Map(s.Description), TextInput.Map(s.Group), TextInput.Map(s.Notice));

    private static async Task<List<(string, string)>> CheckAsync(CategoryInput input, string jurisdictionId, Open311Db db, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        var jurisdiction = await TextInput.JurisdictionAsync(db, jurisdictionId, cancellationToken);
        void Texts(string key, string field, string el, string en, Dictionary<string, string>? texts, bool required, string prefix = "") =>
            errors.AddRange(TextInput.Problems(jurisdiction, field, el, en, texts, required).Select(problem => (key, prefix + problem)));

        if (input.Code is null || !UrlSafeCode().IsMatch(input.Code))
        {
            errors.Add(("code", "1 to 64 letters, digits, '.', '_' or '-': clients put it in URLs"));
        }

        Texts("name", "name", input.NameEl, input.NameEn, input.Names, required: true);
        Texts("group", "group", input.GroupEl, input.GroupEn, input.Groups, required: true);
        Texts("description", "description", input.DescriptionEl, input.DescriptionEn, input.Descriptions, required: false);
        Texts("notice", "notice", input.NoticeEl ?? "", input.NoticeEn ?? "", input.Notices, required: false);

        if (input.DefaultDepartmentId is { } department && !await db.Departments.AnyAsync(d => d.Id == department && d.JurisdictionId == jurisdictionId, cancellationToken))
        {
            errors.Add(("default_department_id", $"no department {department}"));
        }

        if (input.WorkflowId is { } workflow && !await db.Workflows.AnyAsync(w => w.Id == workflow && w.JurisdictionId == jurisdictionId, cancellationToken))
        {
            errors.Add(("workflow_id", $"no workflow {workflow}"));
        }

        var attributes = input.Attributes ?? [];
        // JSON's [null] gets past the binder: collection elements carry no nullability it can read.
        if (attributes.Any(a => a is null) || attributes.Any(a => a.Values?.Any(v => v is null) == true))
        {
            errors.Add(("attributes", "attributes and values may not be null"));
            return errors;
        }

        foreach (var duplicate in attributes.GroupBy(a => a.Code).Where(g => g.Count() > 1))
        {
            errors.Add(("attributes", $"code {duplicate.Key} appears twice"));
        }

        foreach (var duplicate in attributes.GroupBy(a => a.Order).Where(g => g.Count() > 1))
        {
            errors.Add(("attributes", $"order {duplicate.Key} appears twice"));
        }

        foreach (var attribute in attributes)
        {
            var values = attribute.Values ?? [];
            var isList = attribute.Datatype is AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList;
            if (attribute.Code is null || !UrlSafeCode().IsMatch(attribute.Code))
            {
                errors.Add(("attributes", $"code '{attribute.Code}' must be 1 to 64 letters, digits, '.', '_' or '-'"));
            }

            if (attribute.Order < 1)
            {
                errors.Add(("attributes", $"{attribute.Code}: order must be a positive integer"));
            }

            Texts("attributes", "description", attribute.DescriptionEl, attribute.DescriptionEn, attribute.Descriptions, required: true, $"{attribute.Code}: ");
            Texts("attributes", "datatype_description", attribute.DatatypeDescriptionEl ?? "", attribute.DatatypeDescriptionEn ?? "",
                attribute.DatatypeDescriptions, required: false, $"{attribute.Code}: ");

            if (isList != (values.Count > 0))
            {
                errors.Add(("attributes", $"{attribute.Code}: list datatypes need values, other datatypes take none"));
            }

            if (values.GroupBy(v => v.Key).Any(g => g.Count() > 1) || values.Any(v => string.IsNullOrWhiteSpace(v.Key)))
            {
                errors.Add(("attributes", $"{attribute.Code}: value keys must be present and unique"));
            }

            foreach (var value in values)
            {
                Texts("attributes", "name", value.NameEl, value.NameEn, value.Names, required: true, $"{attribute.Code}.{value.Key}: ");
            }
        }

        return errors;
    }
}
