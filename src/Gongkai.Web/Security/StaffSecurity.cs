using System.Globalization;
using System.Security.Claims;
using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Security;

/// <summary>
/// Who may reach which routes: the back office (any staff role), the administrator's pages, forwarding systems.
/// What a staff member may do there is decided by <see cref="StaffOperations"/> through <see cref="StaffAuthorization"/>,
/// with <see cref="StaffAccess"/> saying which agencies they may act on (their own agency and those under it).
/// </summary>
public static class StaffPolicies
{
    /// <summary>Any staff role (the back office).</summary>
    public const string Staff = "staff";
    /// <summary>Manage agencies, accounts, the calendar; read the audit log.</summary>
    public const string Administrator = "administrator";
    /// <summary>The supervision dashboard (<see cref="StaffOperations.Supervision.Read"/>).</summary>
    public const string Supervision = "supervision";
    /// <summary>A forwarding system with an API key (<see cref="ApiKeyHandler"/>).</summary>
    public const string ApiClient = "api-client";

    public static IServiceCollection AddStaffSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        services.AddAuthentication().AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "gongkai.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.AccessDeniedPath = "/admin/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Identity's own events are kept and changed, not replaced: replacing them drops the session check.
            o.Events ??= new CookieAuthenticationEvents();
            // Machines are told 401/403; only people are sent to the login page.
            o.Events.OnRedirectToLogin = c => ApiOr(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiOr(c, StatusCodes.Status403Forbidden);
            // A disabled account, a changed role or agency, a reset password: the session ends on the next request.
            o.Events.OnValidatePrincipal = StaffSessions.ValidateAsync;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.All))
            .AddPolicy(Administrator, p => p.RequireAuthenticatedUser().AddRequirements(StaffOperations.Administration.Administer))
            .AddPolicy(Supervision, p => p.RequireAuthenticatedUser().AddRequirements(StaffOperations.Supervision.Read))
            .AddPolicy(ApiClient, p => p.AddAuthenticationSchemes(ApiKeyHandler.SchemeName).RequireAuthenticatedUser().RequireRole(ApiKeyHandler.Role));
        services.AddScoped<StaffAccess>();
        services.AddScoped<IAuthorizationHandler, StaffOperationHandler>();
        services.AddScoped<StaffAuthorization>();
        return services;
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class StaffClaims
{
    public const string AgencyId = "gongkai:agency";
    public const string DisplayName = "gongkai:name";
    public const string MustChangePassword = "gongkai:must-change-password";

    public static int? AgencyOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(AgencyId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}

/// <summary>Puts the agency and the display name into the staff cookie.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        if (user.AgencyId is { } agency)
        {
            identity.AddClaim(new Claim(StaffClaims.AgencyId, agency.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}

/// <summary>
/// The agencies a staff member may act on: their agency's subtree, and the agencies whose disclosure work an agency
/// of that subtree handles (<see cref="Agency.HandledById"/>: a government's office handles the government's
/// requests); a platform administrator (no agency), all.
/// </summary>
public sealed class StaffAccess(GongkaiDbContext db, TimeProvider clock)
{
    private AgencyTree? _tree;
    private ILookup<int, int>? _handled;

    public async Task<AgencyTree> TreeAsync(CancellationToken ct = default) =>
        _tree ??= new AgencyTree(await db.Agencies.AsNoTracking().Select(a => new ValueTuple<int, int?>(a.Id, a.ParentId)).ToListAsync(ct));

    private async Task<ILookup<int, int>> HandledAsync(CancellationToken ct) =>
        _handled ??= (await db.Agencies.AsNoTracking().Where(a => a.HandledById != null).Select(a => new { a.Id, Handler = a.HandledById!.Value }).ToListAsync(ct))
            .ToLookup(a => a.Handler, a => a.Id);

    public static bool IsPlatformAdministrator(ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.Administrator) && StaffClaims.AgencyOf(user) is null;

    /// <summary>Null means every agency (a platform administrator); otherwise the ids the user may see.</summary>
    public async Task<IReadOnlySet<int>?> ScopeAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (IsPlatformAdministrator(user))
        {
            return null;
        }

        return StaffClaims.AgencyOf(user) is { } agency ? await ScopeOfAsync(agency, ct) : new HashSet<int>();
    }

    /// <summary>The agencies staff of <paramref name="agency"/> may act on: its subtree and the agencies those handle.</summary>
    public async Task<IReadOnlySet<int>> ScopeOfAsync(int agency, CancellationToken ct = default)
    {
        var scope = new HashSet<int>((await TreeAsync(ct)).Subtree(agency));
        var handled = await HandledAsync(ct);
        foreach (var id in scope.ToList())
        {
            scope.UnionWith(handled[id]);
        }

        return scope;
    }

    /// <summary>
    /// The handlers who may take a request of <paramref name="agencyId"/> (分办): staff in the handler role, not locked
    /// out, whose agency's scope holds it.
    /// </summary>
    public async Task<List<Gongkai.Core.Requests.Actor>> HandlersForAsync(int agencyId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var handlerRole = await db.Roles.AsNoTracking().Where(r => r.Name == StaffRoles.Handler).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var candidates = await db.Users.AsNoTracking()
            .Where(u => u.AgencyId != null && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == handlerRole))
            .OrderBy(u => u.UserName)
            .Select(u => new { u.UserName, u.DisplayName, u.AgencyId, u.LockoutEnd })
            .ToListAsync(ct);
        candidates.RemoveAll(c => c.LockoutEnd > now);
        var handlers = new List<Gongkai.Core.Requests.Actor>();
        foreach (var c in candidates)
        {
            if ((await ScopeOfAsync(c.AgencyId!.Value, ct)).Contains(agencyId))
            {
                handlers.Add(new Gongkai.Core.Requests.Actor(c.UserName!, c.DisplayName));
            }
        }

        return handlers;
    }

    /// <summary>The active agencies the user may act on, for the agency choices of forms.</summary>
    public async Task<List<Agency>> ActiveAgenciesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var ids = (await ScopeAsync(user, ct))?.ToList();
        return AgencyTree.InTreeOrder(await db.Agencies.AsNoTracking().Where(a => a.IsActive && (ids == null || ids.Contains(a.Id))).ToListAsync(ct));
    }

    public async Task<bool> CanAccessAsync(ClaimsPrincipal user, int agencyId, CancellationToken ct = default) =>
        await ScopeAsync(user, ct) is not { } scope || scope.Contains(agencyId);

    /// <summary>
    /// At the top of the tree: no agency (a platform administrator) or a root agency. Deployment-wide settings need it
    /// (<see cref="StaffOperations.Administration.ConfigureDeployment"/>).
    /// </summary>
    public async Task<bool> IsAtTheTopAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        StaffClaims.AgencyOf(user) is not { } agency || (await TreeAsync(ct)).Roots.Contains(agency);
}
