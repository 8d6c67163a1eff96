using Gongkai.Core.Agencies;
using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

public sealed class IndexModel(PortalContext portal) : PageModel
{
    public Agency? Agency { get; private set; }
    public IReadOnlyList<Agency> Children { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Agency = await portal.CurrentAgencyAsync(HttpContext);
        if (Agency is not null)
        {
            Children = await portal.AgenciesUnderAsync(Agency);
        }
    }
}
