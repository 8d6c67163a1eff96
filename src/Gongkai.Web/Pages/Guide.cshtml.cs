using Gongkai.Core.Agencies;
using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

public sealed class GuideModel(PortalContext portal) : PageModel
{
    public Agency? Agency { get; private set; }

    public async Task OnGetAsync() => Agency = await portal.CurrentAgencyAsync(HttpContext);
}
