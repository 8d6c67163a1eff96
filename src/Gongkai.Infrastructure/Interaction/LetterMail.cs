using Gongkai.Core.Interaction;
using Gongkai.Infrastructure.Requests;

namespace Gongkai.Infrastructure.Interaction;

/// <summary>
/// The e-mails a letter's writer gets when they gave an address: the letter received (with its tracking code), the
/// reply, the letter closed or reopened, and the letter published. Queued with the step, sent after it (the outbox).
/// </summary>
public static class LetterMail
{
    /// <summary>The steps the writer is told of, and what the e-mail says happened.</summary>
    private static readonly Dictionary<string, string> Told = new(StringComparer.Ordinal)
    {
        ["收到来信"] = "已收到",
        ["答复"] = "已答复",
        ["办结"] = "已办结",
        ["重新办理"] = "已重新办理",
        ["公开"] = "已在网站公开（已隐去您的个人信息）",
    };

    /// <summary>Queues an e-mail for each step of <paramref name="steps"/> the writer is told of.</summary>
    public static void Queue(LetterRecord record, IEnumerable<LetterEventRecord> steps, string agencyName, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(record.Email))
        {
            return;
        }

        foreach (var step in steps)
        {
            if (!Told.TryGetValue(step.Action, out var what))
            {
                continue;
            }

            record.Emails.Add(new RequestEmail
            {
                To = record.Email.Trim(),
                Subject = Cut($"{agencyName}：您的{InteractionNames.Of(record.Channel)}来信{what}", 200),
                Body = Body(record, step, what, agencyName),
                CreatedAt = at,
            });
        }
    }

    private static string Body(LetterRecord record, LetterEventRecord step, string what, string agencyName)
    {
        var code = RequestStore.FormatCode(record.TrackingCode);
        var text = $"您好：\n\n您于{NoticeWriter.Chinese(record.ReceivedOn)}通过{InteractionNames.Of(record.Channel)}提交的来信“{record.Subject}”{what}。\n";
        text += step.Action switch
        {
            "收到来信" => $"查询码：{code}。请妥善保存，凭查询码可在网站“互动交流”栏目查看办理情况和答复。\n",
            "答复" => $"\n答复内容：\n{step.Details}\n\n如对答复不满意，可凭查询码在网站“互动交流”栏目评价，并说明理由。\n",
            "办结" or "重新办理" => step.Details is { Length: > 0 } d ? $"说明：{d}\n" : "",
            _ => "",
        };
        return text + $"\n查询码：{code}\n{agencyName}\n\n本邮件由系统自动发送，请勿直接回复。";
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
