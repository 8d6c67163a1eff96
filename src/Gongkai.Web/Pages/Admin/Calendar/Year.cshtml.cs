using Gongkai.Core.Calendar;
using Gongkai.Infrastructure.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Calendar;

public sealed class YearModel(CalendarStore store) : PageModel
{
    public int YearNumber { get; private set; }
    public WorkingDayCalendar Calendar { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year)
    {
        Calendar = await store.GetCalendarAsync();
        if (Calendar.Schedule.Year(year) is null)
        {
            return NotFound();
        }

        YearNumber = year;
        return Page();
    }
}
