using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Open311.Api.Auth;
using Open311.Core;
using Open311.Core.Catalog;
using Open311.Core.Data;

namespace Open311.Api.Admin;

/// <summary>
/// Service categories with everything Open311 serves about them, their attributes, default
/// department and workflow. Changes show in the Open311 endpoints at once (CatalogCache is cleared on every save).
/// </summary>
public static class CategoriesEndpoints
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
        TypedResults.Ok((await db.CategoriesOf(user.Actor().JurisdictionId).OrderBy(s => s.Code).ToListAsync(cancellationToken)).Select(View).ToList());

    public static async Task<IResult> Get(long id, ClaimsPrincipal user, Open311Db db, CancellationToken cancellationToken) =>
        await db.CategoriesOf(user.Actor().JurisdictionId).FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } found
            ? TypedResults.Ok(View(found))
            : Problems.NotFound($"no category {id}");

    public static Task<IResult> Create(CategoryInput input, ClaimsPrincipal user, CategoryAdministration categories, CancellationToken cancellationToken) =>
        Problems.FromAsync(Proposed(input, out var proposed), () => categories.CreateAsync(user.Actor(), proposed, cancellationToken),
                category => TypedResults.Created($"{AdminApi.BasePath}/services/{category.Id}", View(category)));

    public static Task<IResult> Update(long id, CategoryInput input, ClaimsPrincipal user, CategoryAdministration categories,
        CancellationToken cancellationToken) =>
        Problems.FromAsync(Proposed(input, out var proposed), () => categories.UpdateAsync(user.Actor(), id, proposed, cancellationToken), category => TypedResults.Ok(View(category)));

    public static async Task<IResult> Delete(long id, ClaimsPrincipal user, CategoryAdministration categories, CancellationToken cancellationToken) =>
        Problems.From(await categories.DeleteAsync(user.Actor(), id, cancellationToken), _ => TypedResults.NoContent());

    /// <summary>The input as an unsaved category for Core to check, and what could not be read: null list entries, disagreeing text forms.</summary>
    private static List<FieldError> Proposed(CategoryInput input, out ServiceCategory proposed)
    {
        var texts = new TextInput();
        var attributes = input.Attributes ?? [];
        proposed = new ServiceCategory
        {
            JurisdictionId = "",
            Code = input.Code,
            Name = texts.Read("name", "name", input.NameEl, input.NameEn, input.Names),
            Description = texts.Read("description", "description", input.DescriptionEl, input.DescriptionEn, input.Descriptions),
            Group = texts.Read("group", "group", input.GroupEl, input.GroupEn, input.Groups),
            Notice = texts.Read("notice", "notice", input.NoticeEl ?? "", input.NoticeEn ?? "", input.Notices),
            Type = input.Type, Keywords = input.Keywords, DefaultDepartmentId = input.DefaultDepartmentId, WorkflowId = input.WorkflowId,
            Active = input.Active, IsPublic = input.IsPublic,
        };
        // JSON's [null] gets past the binder: collection elements carry no nullability it can read.
        if (attributes.Any(a => a is null) || attributes.Any(a => a.Values?.Any(v => v is null) == true))
        {
            return [new("attributes", "attributes and values may not be null")];
        }

        proposed.Attributes = [.. attributes.Select(a => new ServiceAttribute
        {
            Code = a.Code, Datatype = a.Datatype, Required = a.Required, Order = a.Order, Variable = a.Variable,
            Description = texts.Read("attributes", "description", a.DescriptionEl, a.DescriptionEn, a.Descriptions, $"{a.Code}: "),
            DatatypeDescription = texts.Read("attributes", "datatype_description", a.DatatypeDescriptionEl ?? "", a.DatatypeDescriptionEn ?? "",
                a.DatatypeDescriptions, $"{a.Code}: "),
            Values = [.. (a.Values ?? []).Select((v, i) => new AttributeValue
            {
                Key = v.Key, Name = texts.Read("attributes", "name", v.NameEl, v.NameEn, v.Names, $"{a.Code}.{v.Key}: "), SortOrder = i,
            })],
        })];
        return texts.Conflicts;
    }

    private static CategoryView View(ServiceCategory s) => new(s.Id, s.Code, s.Name["el"], s.Name["en"], s.Description["el"], s.Description["en"],
        s.Group["el"], s.Group["en"], s.Type, s.Keywords, s.Notice["el"], s.Notice["en"], s.DefaultDepartmentId, s.WorkflowId, s.Active, s.IsPublic,
        [.. s.Attributes.OrderBy(a => a.Order).Select(a => new AttributeInput(a.Code, a.Datatype, a.Required, a.Order, a.Description["el"],
            a.Description["en"], a.Variable, a.DatatypeDescription["el"], a.DatatypeDescription["en"],
            [.. a.Values.OrderBy(v => v.SortOrder).Select(v => new ValueInput(v.Key, v.Name["el"], v.Name["en"], TextInput.Map(v.Name)))],
            TextInput.Map(a.Description), TextInput.Map(a.DatatypeDescription)))],
        TextInput.Map(s.Name), TextInput.Map(s.Description), TextInput.Map(s.Group), TextInput.Map(s.Notice));
}
