using Gongkai.Core.Agencies;
using Gongkai.Core.Participation;
using Gongkai.Infrastructure.Participation;

namespace Gongkai.Infrastructure.Demo;

/// <summary>The demo district's 意见征集: one draft open for comment with a few comments, one closed with its feedback.</summary>
public sealed partial class DemoHistory
{
    private async Task ConsultationsAsync(Agency government, DateOnly today, CancellationToken ct)
    {
        ConsultationRecord Add(string title, string body, DateOnly opens, DateOnly closes, string? feedback)
        {
            var (consultation, errors) = Consultation.Start(new ConsultationInput(title, body, opens, closes), opens);
            if (consultation is null)
            {
                throw new InvalidOperationException(string.Join("；", errors.Values));
            }

            if (feedback is not null && consultation.PublishFeedback(feedback, closes.AddDays(10)) is { } refusal)
            {
                throw new InvalidOperationException(refusal);
            }

            var record = new ConsultationRecord { AgencyId = government.Id, CreatedBy = DemoUser, CreatedAt = At(opens) };
            record.Take(consultation);
            db.Consultations.Add(record);
            return record;
        }

        var open = Add("关于《示例区老旧小区改造三年行动方案（征求意见稿）》公开征求意见的公告",
            "为做好老旧小区改造工作，区住房城乡建设局起草了《示例区老旧小区改造三年行动方案（征求意见稿）》，现向社会公开征求意见。\n一、改造范围：2000年底前建成、基础设施老化的住宅小区。\n二、改造内容：基础类、完善类和提升类三类改造。\n三、资金筹措：政府补助、居民出资和社会资本共同承担。",
            today.AddDays(-10), today.AddDays(20), null);
        Add("关于《示例区城市道路停车管理办法（征求意见稿）》公开征求意见的公告",
            "为规范城市道路停车秩序，区城市管理局起草了《示例区城市道路停车管理办法（征求意见稿）》，现向社会公开征求意见。\n一、道路停车泊位的设置应当兼顾交通通行和停车需求。\n二、收费标准实行政府定价，并向社会公布。",
            today.AddDays(-90), today.AddDays(-60),
            "征求意见期间共收到意见建议12条，采纳5条：增设夜间免费时段、公布泊位设置依据、明确老年人优待措施等；未采纳7条，主要涉及收费标准调整，因属价格主管部门职权，已转交区发展改革局研究。");
        await db.SaveChangesAsync(ct);
        db.ConsultationComments.AddRange(
            new ConsultationComment { ConsultationId = open.Id, Content = "建议把加装电梯纳入完善类改造，并明确补贴标准。", At = At(today.AddDays(-8)) },
            new ConsultationComment { ConsultationId = open.Id, Content = "改造期间请合理安排施工时间，避免夜间施工扰民。", Name = "示例居民", At = At(today.AddDays(-5)) });
        await db.SaveChangesAsync(ct);
    }
}
