using Microsoft.AspNetCore.Identity;

namespace Gongkai.Infrastructure.Identity;

/// <summary>A staff account. Every staff member belongs to an agency; only a platform administrator may have none.</summary>
public sealed class StaffUser : IdentityUser
{
    public required string DisplayName { get; set; }
    /// <summary>The agency the account works for; null only for a platform administrator (the whole deployment).</summary>
    public int? AgencyId { get; set; }
    /// <summary>Set on a one-time password: the next login must choose a new one.</summary>
    public bool MustChangePassword { get; set; }
    public bool IsDisabled { get; set; }
    public bool IsDemo { get; set; }
}

/// <summary>The staff roles. Names are stored in the database and in cookies: never rename one.</summary>
public static class StaffRoles
{
    public const string Administrator = nameof(Administrator);
    public const string Clerk = nameof(Clerk);
    public const string Handler = nameof(Handler);
    public const string Approver = nameof(Approver);
    public const string Publisher = nameof(Publisher);
    public const string Supervisor = nameof(Supervisor);

    public static readonly IReadOnlyList<string> All = [Administrator, Clerk, Handler, Approver, Publisher, Supervisor];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "系统管理员",
        Clerk => "登记员",
        Handler => "承办人",
        Approver => "审核人（机构负责人）",
        Publisher => "发布员",
        Supervisor => "监督员（只读）",
        _ => role,
    };

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

/// <summary>
/// Names fit their columns on every provider: a user name of at most <see cref="MaxUserName"/> characters (the login
/// form refuses longer ones without a lookup), a display name of at most <see cref="MaxDisplayName"/>. Without this a
/// long name is an error page on PostgreSQL and silently stored on SQLite.
/// </summary>
public sealed class StaffUserValidator : IUserValidator<StaffUser>
{
    public const int MaxUserName = 64;
    public const int MaxDisplayName = 50;

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user)
    {
        var errors = new List<IdentityError>();
        if ((user.UserName?.Length ?? 0) > MaxUserName)
        {
            errors.Add(new IdentityError { Code = "UserNameTooLong", Description = $"用户名不能超过 {MaxUserName} 个字符。" });
        }

        if (user.DisplayName.Length > MaxDisplayName)
        {
            errors.Add(new IdentityError { Code = "DisplayNameTooLong", Description = $"姓名不能超过 {MaxDisplayName} 个字符。" });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
