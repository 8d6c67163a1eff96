using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Infrastructure.Demo;

/// <summary>
/// A fictional district (示例区) for trying the product: every name says 示例 and every record is marked as demo.
/// The credit codes are well-formed (their check characters are right) but belong to no real body: their
/// administrative division code 999999 does not exist.
/// </summary>
public sealed class DemoDataSeeder(GongkaiDbContext db, UserManager<StaffUser> users, TimeProvider clock)
{
    public const string DivisionCode = "999999";

    public static string DemoCreditCode(int serial)
    {
        var first17 = "11" + DivisionCode + serial.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    public async Task<IReadOnlyList<IssuedCredential>> SeedAsync(CancellationToken ct = default)
    {
        var government = Add("示例区人民政府", "示例区政府", 1, AgencyLevel.Government, null,
            "示例区人民政府办公室（政务公开办）", "示例省示例市示例区人民路 1 号", "999001", "0999-12345678", "工作日 上午 9:00–12:00，下午 13:30–17:30", "gongkai@example.gov.cn");
        await db.SaveChangesAsync(ct);

        var office = Add("示例区人民政府办公室", "区政府办", 2, AgencyLevel.Department, government.Id,
            "区政府办公室政务公开科", "示例省示例市示例区人民路 1 号 3 楼", "999001", "0999-12345679", "工作日 9:00–17:30", "qzfb@example.gov.cn");
        Add("示例区发展和改革局", "区发改局", 3, AgencyLevel.Department, government.Id,
            "区发改局办公室", "示例区人民路 8 号", "999001", "0999-12345680", "工作日 9:00–17:30", null);
        Add("示例区教育局", "区教育局", 4, AgencyLevel.Department, government.Id,
            "区教育局办公室", "示例区学府路 2 号", "999002", "0999-12345681", "工作日 9:00–17:30", null);
        Add("示例区人力资源和社会保障局", "区人社局", 5, AgencyLevel.Department, government.Id,
            "区人社局办公室", "示例区民生路 6 号", "999002", "0999-12345682", "工作日 9:00–17:30", null);
        Add("示例区城东街道办事处", "城东街道", 6, AgencyLevel.Township, government.Id,
            "城东街道党政办", "示例区东门路 10 号", "999003", "0999-12345683", "工作日 9:00–17:00", null);
        Add("示例区青山镇人民政府", "青山镇", 7, AgencyLevel.Township, government.Id,
            "青山镇党政办", "示例区青山镇青山街 1 号", "999004", "0999-12345684", "工作日 9:00–17:00", null);
        await db.SaveChangesAsync(ct);

        // As in a real district: the government's disclosure work is done by its office's staff.
        government.HandledById = office.Id;
        government.NoticeNumberPattern = "示府办依复〔{年}〕{号}号";
        await db.SaveChangesAsync(ct);

        var credentials = new List<IssuedCredential>();
        async Task AddUser(string name, string display, int agencyId, string role)
        {
            var password = DatabaseInitializer.NewPassword();
            var user = new StaffUser { UserName = name, DisplayName = display, AgencyId = agencyId, IsDemo = true, LockoutEnabled = true };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, role));
            credentials.Add(new IssuedCredential(name, password, role, OneTime: false));
        }

        await AddUser("admin", "示例管理员", government.Id, StaffRoles.Administrator);
        await AddUser("clerk", "示例登记员", office.Id, StaffRoles.Clerk);
        await AddUser("handler", "示例承办人", office.Id, StaffRoles.Handler);
        await AddUser("approver", "示例科长", office.Id, StaffRoles.Approver);
        await AddUser("publisher", "示例发布员", office.Id, StaffRoles.Publisher);
        await AddUser("supervisor", "示例监督员", government.Id, StaffRoles.Supervisor);

        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserName = "系统",
            Action = AuditActions.DemoDataSeeded,
            Target = "示例区",
            Details = "生成演示机关 7 个、演示账号 6 个（均为虚构）",
        });
        await db.SaveChangesAsync(ct);
        return credentials;
    }

    private Agency Add(string fullName, string shortName, int serial, AgencyLevel level, int? parentId,
        string officeName, string address, string postcode, string phone, string hours, string? email)
    {
        var agency = new Agency
        {
            FullName = fullName,
            ShortName = shortName,
            CreditCode = DemoCreditCode(serial),
            Level = level,
            ParentId = parentId,
            IsDemo = true,
            Contact = new DisclosureOfficeContact
            {
                OfficeName = officeName,
                Address = address,
                Postcode = postcode,
                Phone = phone,
                OfficeHours = hours,
                Email = email,
                FeePayment = "通过“非税收入缴款码”扫码缴纳，或转账至收款单位示例区财政局非税收入专户（演示账号，不可转账）",
            },
        };
        db.Agencies.Add(agency);
        return agency;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
