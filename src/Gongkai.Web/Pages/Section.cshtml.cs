using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>Portal sections whose features have not landed yet: they say so, and point to the guide's contact.</summary>
public sealed class SectionModel(PortalContext portal) : PageModel
{
    public string Section { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public string AgencyQuery { get; private set; } = "";

    public async Task OnGetAsync(string section)
    {
        Section = section;
        (Title, Purpose) = section switch
        {
            "interaction" => ("互动交流", "领导信箱、咨询和投诉：来信的办理结果将按规定公开。"),
            _ => ("", ""),
        };
        var agency = await portal.CurrentAgencyAsync(HttpContext);
        AgencyQuery = agency is null ? "" : $"?agency={agency.Id}";
    }
}
