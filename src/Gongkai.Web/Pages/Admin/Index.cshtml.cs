using Gongkai.Infrastructure.Calendar;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin;

public sealed class IndexModel(GongkaiDbContext db, StaffAccess access, CalendarStore calendar, TimeProvider clock) : PageModel
{
    public string? AgencyName { get; private set; }
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public int AgencyCount { get; private set; }
    public string? CalendarWarning { get; private set; }

    public async Task OnGetAsync()
    {
        var agencyId = StaffClaims.AgencyOf(User);
        AgencyName = agencyId is null ? null : await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.FullName).FirstOrDefaultAsync();
        Roles = User.Claims.Where(c => c.Type == System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList();
        AgencyCount = await access.ScopeAsync(User) is { } scope ? scope.Count : await db.Agencies.CountAsync();

        // Deadlines reach 40 working days ahead: from November on, next year's schedule is needed.
        var today = ChinaTime.Today(clock);
        var schedule = (await calendar.GetCalendarAsync()).Schedule;
        if (schedule.LastYear <= today.Year && today.Month >= 11)
        {
            CalendarWarning = $"节假日安排只覆盖到 {schedule.LastYear} 年底。国务院公布 {today.Year + 1} 年节假日安排后，请系统管理员在“节假日安排”中导入，否则跨年的办理期限将无法计算。";
        }
    }
}
