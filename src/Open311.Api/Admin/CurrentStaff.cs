using System.Security.Claims;
using Open311.Api.Auth;
using Open311.Core.Staff;

namespace Open311.Api.Admin;

public static class CurrentStaff
{
    /// <summary>The signed-in actor; the authorization policies on every admin route guarantee there is one.</summary>
    public static StaffActor Actor(this ClaimsPrincipal user) =>
        user.ToActor() ?? throw new InvalidOperationException("An admin endpoint ran without an authenticated staff member.");
}
