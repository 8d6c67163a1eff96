using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Core.Calendar;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Documents;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Requests;

/// <summary>
/// Writes the notice each step calls for — from the administrator's template or the built-in one — as text, .docx
/// and .pdf, and queues an e-mail to the applicant when there is an address. Runs inside the step's transaction:
/// a step is never saved without its notice.
/// </summary>
public sealed class NoticeWriter(GongkaiDbContext db, GongkaiSettings settings, TimeProvider clock)
{
    public async Task<NoticeTemplate> TemplateAsync(NoticeKind kind, CancellationToken ct = default)
    {
        var custom = await db.NoticeTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind, ct);
        return custom is null ? NoticeTemplate.Default(kind) : new NoticeTemplate(kind, custom.Title, custom.Body);
    }

    public async Task WriteAsync(RequestRecord record, InformationRequest request, int fromIndex, WorkingDayCalendar calendar, CancellationToken ct)
    {
        if (request.IsImported)
        {
            return;
        }

        Agency? agency = null;
        string? parentName = null;
        for (var i = fromIndex; i < request.History.Count; i++)
        {
            var e = request.History[i];
            if (NoticeKinds.For(e) is not { } kind || (kind == NoticeKind.Reply && request.Status == RequestStatus.Cancelled))
            {
                QueueStatusEmail(record, request, e, calendar);
                continue;
            }

            agency ??= await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == record.AgencyId, ct);
            parentName ??= agency.ParentId is { } p ? await db.Agencies.Where(a => a.Id == p).Select(a => a.FullName).SingleAsync(ct) : "";
            var template = await TemplateAsync(kind, ct);
            var values = Values(record, request, e, agency, parentName, calendar);
            var (title, body) = template.Render(values);
            var number = agency.NoticeNumberPattern is { } pattern ? await NextNumberAsync(agency.Id, e.On.Year, ct) : (int?)null;
            var reference = number is { } n ? NoticeNumbers.Format(agency.NoticeNumberPattern!, e.On.Year, n) : null;
            var letter = new Letter(title, body, agency.FullName, Chinese(e.On), reference);
            var notice = new RequestNotice
            {
                Kind = kind,
                EventSequence = i + 1,
                Reference = reference,
                IssuerAgencyId = number is null ? null : agency.Id,
                NumberYear = number is null ? null : e.On.Year,
                Number = number,
                Title = title,
                Text = body,
                Docx = NoticeDocuments.Docx(letter),
                Pdf = NoticeDocuments.Pdf(letter, settings.FontFile),
                CreatedAt = clock.GetUtcNow(),
            };
            record.Notices.Add(notice);
            if (kind != NoticeKind.ThirdPartyConsultation && !string.IsNullOrWhiteSpace(record.Email))
            {
                record.Emails.Add(new RequestEmail
                {
                    To = record.Email,
                    Subject = $"{title}（查询码 {RequestStore.FormatCode(record.TrackingCode)}）",
                    Body = $"{body}\n\n{agency.FullName}\n{Chinese(e.On)}\n\n本邮件由政府信息公开平台发送，请勿直接回复。",
                    EventSequence = i + 1,
                    CreatedAt = clock.GetUtcNow(),
                });
            }
        }
    }

    /// <summary>
    /// The agency's next 文号 number in <paramref name="year"/>: one more than the highest saved or about to be saved.
    /// Two nodes numbering at the same moment collide on the unique index, and the later step is refused and retried
    /// by its user — never two notices with one number.
    /// </summary>
    private async Task<int> NextNumberAsync(int agencyId, int year, CancellationToken ct)
    {
        var saved = await db.RequestNotices.AsNoTracking().Where(n => n.IssuerAgencyId == agencyId && n.NumberYear == year).MaxAsync(n => n.Number, ct) ?? 0;
        var pending = db.ChangeTracker.Entries<RequestNotice>().Select(x => x.Entity).Where(n => n.IssuerAgencyId == agencyId && n.NumberYear == year).Max(n => n.Number) ?? 0;
        return Math.Max(saved, pending) + 1;
    }

    /// <summary>Status changes without a notice of their own still reach an applicant who gave an e-mail address.</summary>
    private void QueueStatusEmail(RequestRecord record, InformationRequest request, RequestEvent e, WorkingDayCalendar calendar)
    {
        if (string.IsNullOrWhiteSpace(record.Email))
        {
            return;
        }

        var code = RequestStore.FormatCode(record.TrackingCode);
        var deadline = StatutoryClock.Compute(request, calendar, e.On);
        var due = Due(deadline);
        var text = e switch
        {
            CorrectionReceived => $"本机关已于{Chinese(e.On)}收到您补正后的申请，答复期限自次日起重新计算，为{due}。",
            FeePaid => $"本机关已于{Chinese(e.On)}收到您缴纳的信息处理费，将继续办理您的申请，答复期限为{due}。",
            Delivered d3 => $"本机关已于{Chinese(e.On)}以{d3.Method.DisplayName()}方式向您送达答复{(d3.TrackingNumber is { } t ? "，邮件号码 " + t : "")}。",
            // Only an applicant still waiting for the answer needs to know the new date.
            DeadlineRecomputed r when request.Status.IsOpen() =>
                $"国务院节假日安排已更新，您的申请的答复期限由{(r.OldDue is { } old ? Chinese(old) : "（待确定）")}调整为{due}。",
            _ => null,
        };
        if (text is not null && deadline.Provisional && e is not Delivered)
        {
            text += "答复期限为预计日期：相应年度的国务院节假日安排尚未公布，公布后将重新计算。";
        }
        if (text is null)
        {
            return;
        }

        record.Emails.Add(new RequestEmail
        {
            To = record.Email,
            Subject = $"您的政府信息公开申请办理进度（查询码 {code}）",
            Body = $"{record.ApplicantName}：\n{text}\n您可以凭查询码 {code} 和联系电话后四位查询办理进度。\n\n本邮件由政府信息公开平台发送，请勿直接回复。",
            CreatedAt = clock.GetUtcNow(),
        });
    }

    private static Dictionary<string, string?> Values(RequestRecord record, InformationRequest request, RequestEvent e, Agency agency, string parentName, WorkingDayCalendar calendar)
    {
        var deadline = StatutoryClock.Compute(request, calendar, e.On);
        var values = new Dictionary<string, string?>
        {
            ["机关"] = agency.FullName,
            ["工作机构"] = agency.Contact.OfficeName ?? agency.FullName,
            ["地址"] = agency.Contact.Address,
            ["联系电话"] = agency.Contact.Phone,
            ["申请人"] = record.ApplicantName,
            ["查询码"] = RequestStore.FormatCode(record.TrackingCode),
            ["提交日期"] = Chinese(request.SubmittedOn),
            ["收到日期"] = request.ReceivedOn is { } r ? Chinese(r) : "",
            ["信息名称"] = record.InformationTitle,
            ["答复期限"] = Due(deadline),
            ["复议机关"] = parentName.Length > 0 ? parentName : "上一级行政机关",
            ["日期"] = Chinese(e.On),
        };
        values["救济途径"] = NoticeTemplate.Remedies(values["复议机关"]!);
        switch (e)
        {
            case CorrectionRequested c:
                values["补正事项"] = c.Items;
                // The same date the workflow enforces; a posted notice not yet signed for states the period itself.
                values["补正期限"] = request.CorrectionDueOn(calendar) is { } correctBy
                    ? Chinese(correctBy)
                    : $"收到本通知之日起{c.PeriodWorkingDays}个工作日届满";
                break;
            case Extended x:
                values["延长天数"] = x.WorkingDays.ToString(CultureInfo.InvariantCulture);
                values["延期理由"] = x.Reason;
                break;
            case ConsultationStarted c:
                values["第三方"] = c.Party;
                values["意见期限"] = Chinese(request.Consultations.Single(k => k.Number == c.Number).PeriodEnds(calendar));
                break;
            case ReasonsRequested asked:
                values["申请情况"] = asked.Grounds.TrimEnd('。');
                values["说明期限"] = Chinese(asked.ReplyBy);
                break;
            case ReasonableDeadlineSet later:
                values["合理期限"] = Chinese(later.Deadline);
                values["延迟理由"] = later.Reason.TrimEnd('。');
                break;
            case FeeNoticeSent f:
                values["收费金额"] = f.Amount.ToString("0.##", CultureInfo.InvariantCulture) + " 元";
                values["收费说明"] = f.Explanation;
                values["缴费方式"] = agency.Contact.FeePayment ?? "请与本机关政府信息公开工作机构联系";
                // From the day the applicant received the notice (the fee rules), the same date the workflow enforces.
                values["缴费期限"] = request.FeePayBy(calendar) is { } payBy ? Chinese(payBy) : $"收到本通知次日起{InformationRequest.FeePaymentWorkingDays}个工作日届满";
                break;
            default:
                break;
        }

        if (request.Decision is { } d && e is Decided or CorrectionLapsed or FeeLapsed or Withdrawn)
        {
            values["办理结果"] = d.Outcome.DisplayName();
            values["答复内容"] = NoticeTemplate.ReplyContent(d.Outcome, d.Reason);
            values["理由"] = d.Reason;
            values["依据"] = d.LegalBasis;
        }

        return values;
    }

    public static string Chinese(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>The due date as notices and e-mails write it: a provisional one marked （预计）.</summary>
    public static string Due(StatutoryDeadline deadline) =>
        deadline.Due is { } due ? Chinese(due) + (deadline.Provisional ? "（预计）" : "") : "（待确定）";
}
