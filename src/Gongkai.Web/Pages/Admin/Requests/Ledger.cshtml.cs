using Gongkai.Core.Agencies;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Requests;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Requests;

/// <summary>The year ledger for an agency and those under it: the base of the annual report's request table.</summary>
public sealed class LedgerModel(GongkaiDbContext db, StaffAccess access, PersonalDataView personal, RequestDay day) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "agency")] public int? AgencyId { get; set; }

    public YearLedger Ledger { get; private set; } = null!;
    public List<Agency> Agencies { get; private set; } = [];
    public bool MayChooseAll { get; private set; }
    public string Scope { get; private set; } = "";

    /// <summary>The ledger and the cases behind it as .xlsx; applicants masked unless the user may read them (<see cref="PersonalDataView"/>), and audited when not.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await OnGetAsync(ct) is not PageResult)
        {
            return Forbid();
        }

        var types = Enum.GetValues<ApplicantType>();
        var summary = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{Ledger.Year} 年依申请公开台账 · {Scope}" },
            new object?[] { "项目" }.Concat(types.Select(t => (object?)t.DisplayName())).Append("总计").ToList(),
            Row("一、本年新收", t => Ledger.NewThisYear(t), Ledger.NewThisYear()),
            Row("二、上年结转", t => Ledger.CarriedIn(t), Ledger.CarriedIn()),
        };
        foreach (var o in Enum.GetValues<Outcome>())
        {
            summary.Add(Row("三、" + o.DisplayName(), t => Ledger.Decided(t, o), Ledger.Decided(o)));
        }

        summary.Add(Row("（七）总计", t => Ledger.Decided(t), Ledger.Decided()));
        summary.Add(Row("四、结转下年度继续办理", t => Ledger.CarriedOut(t), Ledger.CarriedOut()));

        IReadOnlyList<object?> Row(string label, Func<ApplicantType, int> cell, int total) =>
            new object?[] { label }.Concat(types.Select(t => (object?)cell(t))).Append(total).ToList();

        var mayRead = await personal.ReaderAsync(User, PersonalDataOf.Applicant, ct);
        var shownInFull = 0;
        IReadOnlySet<int>? subtree = AgencyId is { } a ? (await access.TreeAsync(ct)).Subtree(a) : null;
        var ids = subtree?.ToList();
        var cases = await LedgerQuery.Cell(db.Requests.AsNoTracking().Where(r => ids == null || ids.Contains(r.AgencyId)), Ledger.Year, "all", null)
            .OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id).ToListAsync(ct);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.FullName, ct);
        var detail = new List<IReadOnlyList<object?>>
        {
            new object?[] { "查询码", "机关", "申请人类型", "申请人", "证件号码", "联系电话", "渠道", "收到申请日期", "所需信息", "状态", "答复期限", "答复日期", "办理结果", "台账位置" },
        };
        foreach (var r in cases)
        {
            var place = YearLedger.PlaceOf(Ledger.Year, r.ReceivedOn, r.DecidedOn) == LedgerPlace.NewThisYear ? "本年新收" : "上年结转";
            var end = r.DecidedOn is { } d && d <= Ledger.End ? "本年办结" : "结转下年度";
            var applicant = PersonalDataView.Applicant(r, mayRead(r.AgencyId));
            shownInFull += applicant.Full ? 1 : 0;
            detail.Add([
                RequestStore.FormatCode(r.TrackingCode), names.GetValueOrDefault(r.AgencyId), r.ApplicantType.DisplayName(), applicant.Name,
                applicant.IdNumber, applicant.Phone,
                r.Channel.DisplayName(), Gongkai.Web.Requests.RequestText.Iso(r.ReceivedOn), r.InformationTitle, r.Status.DisplayName(),
                Gongkai.Web.Requests.RequestText.Iso(r.DueOn), Gongkai.Web.Requests.RequestText.Iso(r.DecidedOn),
                r.Outcome is { } o && r.DecidedOn <= Ledger.End ? o.DisplayName() : "", place + " · " + end,
            ]);
        }

        if (shownInFull > 0)
        {
            personal.Read($"{Ledger.Year} 年依申请公开台账", $"导出台账明细（{Scope}）：{shownInFull} 件申请的申请人姓名、证件号码、联系电话", AgencyId);
            await db.SaveChangesAsync(ct);
        }

        var bytes = Gongkai.Infrastructure.Documents.Spreadsheet.Write(
            new Gongkai.Infrastructure.Documents.Spreadsheet.Sheet("台账汇总", summary),
            new Gongkai.Infrastructure.Documents.Spreadsheet.Sheet("申请明细", detail));
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"依申请公开台账-{Ledger.Year}.xlsx");
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var year = Year is >= 2008 and <= 2100 ? Year.Value : day.Today.Year;
        var scope = await access.ScopeAsync(User, ct);
        MayChooseAll = scope is null;
        var ids = scope?.ToList();
        Agencies = await db.Agencies.AsNoTracking().Where(a => ids == null || ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(ct);
        AgencyId ??= MayChooseAll ? null : StaffClaims.AgencyOf(User);
        if (AgencyId is { } chosen && !await access.CanAccessAsync(User, chosen, ct))
        {
            return Forbid();
        }

        IReadOnlySet<int>? subtree = AgencyId is { } a ? (await access.TreeAsync(ct)).Subtree(a) : null;
        Ledger = await LedgerQuery.BuildAsync(db, subtree?.ToList(), year, ct);
        Scope = AgencyId is { } id ? Agencies.First(x => x.Id == id).FullName + "（含下级机关）" : "全部机关";
        return Page();
    }
}
