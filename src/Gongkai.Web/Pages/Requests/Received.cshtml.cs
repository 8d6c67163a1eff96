using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Requests;

/// <summary>The receipt, shown once after submitting (the code travels in TempData, not in the address bar).</summary>
public sealed class ReceivedModel(GongkaiDbContext db, RequestStore store, RequestDay day) : PageModel
{
    public RequestRecord? Record { get; private set; }
    public string AgencyName { get; private set; } = "";
    public DateOnly Today { get; private set; }
    /// <summary>The due date if the office confirms the request today (Art. 31 (三)), and whether it is provisional.</summary>
    public Gongkai.Core.Calendar.CountedDay? DueIfConfirmedToday { get; private set; }
    public int FirstUnpublishedYear { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (TempData.Peek("TrackingCode") is not string code)
        {
            return Redirect("/track");
        }

        Record = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.TrackingCode == code);
        if (Record is null)
        {
            return Redirect("/track");
        }

        AgencyName = await db.Agencies.Where(a => a.Id == Record.AgencyId).Select(a => a.FullName).SingleAsync();
        Today = day.Today;
        var calendar = await store.CalendarAsync();
        FirstUnpublishedYear = calendar.Schedule.LastYear + 1;
        DueIfConfirmedToday = calendar.TryCount(Today, new Gongkai.Core.Calendar.WorkingDays(Gongkai.Core.Requests.InformationRequest.AnswerWorkingDays));

        return Page();
    }
}
