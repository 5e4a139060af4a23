using Open311.Api.Auth;
using Open311.Api.Hosting;

namespace Open311.Api.Admin;

/// <summary>The staff and administration API: JSON, ProblemDetails, bearer tokens with roles and department scopes.</summary>
public static class AdminApi
{
    public const string BasePath = "/admin";

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup(BasePath).WithTags("Admin");
        admin.MapLogin();

        var signedIn = admin.MapGroup("").RequireAuthorization(AuthRegistration.Policies.Read)
            .WithMetadata(new IdempotencyKeyAccepted(IdempotencyCaller.Staff));
        signedIn.MapStaffAccounts();
        signedIn.MapClientApps();
        signedIn.MapWebhooks();
        signedIn.MapLanguages();
        signedIn.MapDepartments();
        signedIn.MapCategories();
        signedIn.MapWorkflows();
        signedIn.MapRouting();
        signedIn.MapEscalationRules();
        signedIn.MapServiceLevels();
        signedIn.MapRequestHandling();
        signedIn.MapWorkOrders();
        signedIn.MapIntake();
        signedIn.MapDuplicates();
        signedIn.MapAudit();
        signedIn.MapStatistics();
        signedIn.MapDeliveries();
        signedIn.MapMessageTemplates();
        signedIn.MapCalendar();
        signedIn.MapRequestMessages();
        signedIn.MapLiveFeed();
        signedIn.MapPrivacy();
        signedIn.MapJurisdictionArea();
        return routes;
    }
}
