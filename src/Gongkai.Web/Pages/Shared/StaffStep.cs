using Gongkai.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Shared;

/// <summary>
/// One step a staff member takes on a record's page (review, publish, assign, reply…), the same way everywhere:
/// refused without the role or outside the agency; on refusal the page again with the reason; on success the
/// audit entry, a message for the next page, and a redirect (so a reload does not repeat the step).
/// </summary>
public static class StaffStep
{
    public const string DoneKey = "done";

    /// <param name="page">The page the step is posted to.</param>
    /// <param name="operation">What the step is, for <see cref="StaffAuthorization"/>: refused without its role, or for a record outside the user's agencies.</param>
    /// <param name="load">Loads the record for the page; a result when it is missing or out of reach.</param>
    /// <param name="agencyOf">The loaded record's agency.</param>
    /// <param name="act">The step itself, through the store (which saves it, with the audit entry the page added to the unit of work first).</param>
    /// <param name="refused">Shows the store's reasons on the page.</param>
    /// <param name="done">The message the next page shows.</param>
    /// <param name="back">Where to go after the step.</param>
    public static async Task<IActionResult> RunAsync(PageModel page, StaffOperation operation, Func<Task<IActionResult?>> load, Func<int> agencyOf, Func<Task<IStepOutcome>> act,
        Action<string> refused, string done, string back)
    {
        if (!StaffAuthorization.May(page.User, operation))
        {
            return new ForbidResult();
        }

        if (await load() is { } missing)
        {
            return missing;
        }

        if (!await page.HttpContext.RequestServices.GetRequiredService<StaffAuthorization>().MayAsync(page.User, operation, agencyOf()))
        {
            return new ForbidResult();
        }

        // The step and its audit entry are one transaction: neither is saved without the other.
        await using (var transaction = await page.HttpContext.RequestServices.GetRequiredService<AuditTrail>().BeginStepAsync(page.HttpContext.RequestAborted))
        {
            var outcome = await act();
            if (!outcome.Succeeded)
            {
                // Nothing of a refused step is saved: neither what the store changed nor the audit entry the page added.
                page.HttpContext.RequestServices.GetRequiredService<Gongkai.Infrastructure.Persistence.GongkaiDbContext>().ChangeTracker.Clear();
                await transaction.RollbackAsync();
                refused(string.Join(" ", outcome.Errors.Values));
                await load();
                return new PageResult();
            }

            await transaction.CommitAsync();
        }

        page.TempData[DoneKey] = done;
        return new RedirectResult(back);
    }
}
