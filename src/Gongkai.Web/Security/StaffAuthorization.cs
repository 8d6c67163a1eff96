using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Security;

/// <summary>The agency a record belongs to: what an operation's agency check is about.</summary>
public sealed record AgencyResource(int AgencyId);

/// <summary>
/// The one handler of <see cref="StaffOperation"/>: the role must be one of the operation's, and the record's agency
/// in the staff member's subtree (<see cref="StaffAccess"/>) — or, for a deployment-wide setting, the staff member at
/// the top of the tree. Without a resource only the role is checked.
/// </summary>
public sealed class StaffOperationHandler(StaffAccess access) : AuthorizationHandler<StaffOperation>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffOperation operation)
    {
        if (!operation.RoleAllows(context.User))
        {
            return;
        }

        var allowed = operation.Scope switch
        {
            OperationScope.Deployment => await access.IsAtTheTopAsync(context.User),
            _ => context.Resource is not AgencyResource resource || await access.CanAccessAsync(context.User, resource.AgencyId),
        };
        if (allowed)
        {
            context.Succeed(operation);
        }
    }
}

/// <summary>
/// What pages and API endpoints ask before they act: <see cref="MayAsync(ClaimsPrincipal, StaffOperation, int)"/>
/// for a step on a record of an agency, <see cref="May"/> (the role alone) to decide whether to offer the step.
/// </summary>
public sealed class StaffAuthorization(IAuthorizationService authorization)
{
    /// <summary>The role half: whether to show the button. The step itself asks <see cref="MayAsync(ClaimsPrincipal, StaffOperation, int)"/>.</summary>
    public static bool May(ClaimsPrincipal user, StaffOperation operation) => operation.RoleAllows(user);

    public async Task<bool> MayAsync(ClaimsPrincipal user, StaffOperation operation, int agencyId) =>
        (await authorization.AuthorizeAsync(user, new AgencyResource(agencyId), operation)).Succeeded;

    /// <summary>For operations not about one agency's record (deployment-wide settings).</summary>
    public async Task<bool> MayAsync(ClaimsPrincipal user, StaffOperation operation) =>
        (await authorization.AuthorizeAsync(user, null, operation)).Succeeded;
}
