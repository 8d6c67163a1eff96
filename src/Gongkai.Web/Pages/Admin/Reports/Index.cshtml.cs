using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Reports;

/// <summary>The year's report generated from the records, with its rules checked and every figure linked to its cases.</summary>
public sealed class IndexModel(ReportBuilder builder, StaffAccess access, RequestStore store) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "agency")] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "subtree")] public bool Subtree { get; set; }

    public List<Agency> Agencies { get; private set; } = [];
    public AnnualReportModel? Report { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Agencies = await access.ActiveAgenciesAsync(User, ct);
        AgencyId ??= StaffClaims.AgencyOf(User) ?? Agencies.FirstOrDefault()?.Id;
        Year ??= store.Today().Year - 1;
        if (AgencyId is not { } agencyId)
        {
            return Page();
        }

        if (!await access.CanAccessAsync(User, agencyId, ct))
        {
            return Forbid();
        }

        try
        {
            Report = await builder.BuildAsync(agencyId, Year.Value, Subtree, ct: ct);
        }
        catch (ReportException e)
        {
            Error = e.Message;
        }

        return Page();
    }

    /// <summary>The list of requests a cell counts; null where a cell sums several outcomes (2019 其他处理).</summary>
    public string? CellLink(RequestTableRow row, int column)
    {
        var cell = row.Code switch
        {
            "1" => "new",
            "2" => "carried-in",
            "4" => "carried-out",
            "3.7" => "decided",
            _ when row.Outcomes.Count == 1 => row.Outcomes[0].ToString(),
            _ => null,
        };
        if (cell is null || Report is null)
        {
            return null;
        }

        var type = ReportFormats.RequestColumns[column].Type;
        var agency = Subtree ? $"&agency={AgencyId}" : "";
        return $"/admin/requests?year={Report.Year}&cell={cell}{(type is null ? "" : "&type=" + type)}{agency}";
    }
}
