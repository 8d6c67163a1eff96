using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Calendar;

namespace Gongkai.Core.Requests;

/// <summary>
/// "我的申请什么时候到期？" — a timeline as an applicant or a reviewer knows it (how the request came in, when it
/// arrived, the steps that followed) replayed through the same <see cref="InformationRequest"/> commands and
/// <see cref="StatutoryClock"/> the workflow uses: no second implementation of the rules. A step the workflow would
/// refuse is reported with the reason, and the steps after it still apply.
/// </summary>
public static class DeadlineCalculator
{
    public const int MaxEvents = 50;

    public static readonly IReadOnlyDictionary<string, Channel> Channels = new Dictionary<string, Channel>(StringComparer.OrdinalIgnoreCase)
    {
        ["InPerson"] = Channel.InPerson,
        ["Post"] = Channel.RegisteredMail,
        ["OrdinaryLetter"] = Channel.OrdinaryMail,
        ["Fax"] = Channel.Fax,
        ["Email"] = Channel.Email,
        ["Online"] = Channel.Online,
    };

    public static readonly IReadOnlyList<string> EventTypes =
        ["correction-requested", "corrected", "consultation-sent", "consultation-answered", "fee-notice", "fee-paid", "extended"];

    public sealed record Timeline(Channel Channel, DateOnly ArrivedOn, DateOnly? ReceivedOn, IReadOnlyList<TimelineEvent> Events, DateOnly? AsOf);

    public sealed record TimelineEvent(string Type, DateOnly On, DateOnly? DeliveredOn = null, DateOnly? DueOn = null, ConsultationKind Party = ConsultationKind.ThirdParty, int? Days = null);

    public sealed record Refusal(int Index, string Reason);

    public sealed record Result(DateOnly? ReceivedOn, DateOnly? DueOn, bool Provisional, string State, IReadOnlyList<Refusal> Refused, IReadOnlyList<string> Explanation);

    private static readonly Actor Calculator = new("calculator", "期限计算器");

    /// <param name="today">The day the question is asked; the timeline's <c>asOf</c> wins when given.</param>
    public static Result Run(Timeline timeline, WorkingDayCalendar calendar, DateOnly today)
    {
        var asOf = timeline.AsOf ?? today;
        // Steps may be dated up to the last day the timeline mentions: the calculator asks "what if", not "what now".
        var latest = new[] { asOf, timeline.ArrivedOn, timeline.ReceivedOn ?? timeline.ArrivedOn }
            .Concat(timeline.Events.SelectMany(e => new[] { e.On, e.DeliveredOn ?? e.On, e.DueOn ?? e.On })).Max();
        Step At(DateOnly on, string? note = null) => new(on, Calculator, latest, note);

        var refused = new List<Refusal>();
        InformationRequest request;
        try
        {
            request = InformationRequest.Submit(timeline.Channel, ApplicantType.NaturalPerson, At(timeline.ArrivedOn),
                timeline.Channel == Channel.RegisteredMail ? timeline.ReceivedOn ?? timeline.ArrivedOn : null);
            if (timeline.Channel.NeedsConfirmation())
            {
                var confirmed = timeline.ReceivedOn ?? timeline.ArrivedOn;
                request.ConfirmReceipt(At(confirmed, confirmed > timeline.ArrivedOn ? "确认晚于到达" : null));
            }
        }
        catch (RequestRuleException e)
        {
            return new Result(null, null, false, "closed", [new Refusal(-1, e.Message)], [e.Message]);
        }

        for (var i = 0; i < timeline.Events.Count; i++)
        {
            try
            {
                Apply(request, timeline.Events[i], At, calendar);
            }
            catch (RequestRuleException e)
            {
                refused.Add(new Refusal(i, e.Message));
            }
        }

        var clock = StatutoryClock.Compute(request, calendar, asOf);
        return new Result(request.ReceivedOn, clock.Due, clock.Provisional, StateOf(request, clock), refused, clock.Explanation);
    }

    private static void Apply(InformationRequest request, TimelineEvent e, Func<DateOnly, string?, Step> at, WorkingDayCalendar calendar)
    {
        var step = at(e.On, null);
        switch (e.Type)
        {
            case "correction-requested":
                // A period in working days runs from the notice's delivery; a date is a date.
                _ = e.DueOn is { } correctBy
                    ? request.RequestCorrection(step, "（按时间线）需要补正的事项", correctBy, calendar, e.DeliveredOn)
                    : request.RequestCorrection(step, "（按时间线）需要补正的事项", e.Days ?? throw new RequestRuleException("补正通知须写明补正期限（dueOn 日期，或 days 工作日数）。"), calendar, e.DeliveredOn);
                break;
            case "corrected":
                request.ReceiveCorrection(step, calendar);
                break;
            case "consultation-sent":
                request.StartConsultation(step, e.Party, e.Party == ConsultationKind.ThirdParty ? "第三方" : "其他机关", calendar, e.DeliveredOn);
                break;
            case "consultation-answered":
                var open = request.Consultations.FirstOrDefault(c => c.AnsweredOn is null)
                    ?? throw new RequestRuleException("没有尚未答复的征求意见。");
                request.EndConsultation(step, open.Number, "（按时间线）对方答复");
                break;
            case "fee-notice":
                request.SendFeeNotice(step, FeeQuote.QuoteByPages(100), calendar, e.DeliveredOn);
                break;
            case "fee-paid":
                request.RecordFeePaid(step, calendar);
                break;
            case "extended":
                request.Extend(step, e.Days ?? InformationRequest.MaxExtensionWorkingDays, Calculator, "（按时间线）延期", calendar);
                break;
            default:
                throw new RequestRuleException($"未知的步骤类型 {e.Type}。");
        }
    }

    private static string StateOf(InformationRequest request, StatutoryDeadline clock) => clock.State switch
    {
        ClockState.Stopped => "awaiting-correction",
        ClockState.Paused when request.Status == RequestStatus.AwaitingFee => "awaiting-fee",
        ClockState.Paused => "paused",
        ClockState.Running => "running",
        ClockState.Overdue => "overdue",
        ClockState.Met or ClockState.Late => "closed",
        ClockState.NotStarted => "not-started",
        ClockState.Unknown => "unknown",
    };

    /// <summary>Reads the timeline JSON; a mistake is a <see cref="TimelineInputException"/> naming the field in Chinese.</summary>
    public static Timeline Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new TimelineInputException("(整体)", $"不是有效的 JSON（第 {e.LineNumber + 1} 行附近）。");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TimelineInputException("(整体)", "应为一个 JSON 对象。");
            }

            var channelText = String(root, "channel", "channel") ?? throw new TimelineInputException("channel", "缺少申请渠道。");
            if (!Channels.TryGetValue(channelText, out var channel))
            {
                throw new TimelineInputException("channel", $"应为 {string.Join("、", Channels.Keys)} 之一。");
            }

            var arrived = Date(root, "arrivedOn", "arrivedOn") ?? throw new TimelineInputException("arrivedOn", "缺少申请到达日期。");
            var received = Date(root, "receivedOn", "receivedOn");
            var asOf = Date(root, "asOf", "asOf");
            var events = new List<TimelineEvent>();
            if (root.TryGetProperty("events", out var list) && list.ValueKind != JsonValueKind.Null)
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    throw new TimelineInputException("events", "应为数组。");
                }

                if (list.GetArrayLength() > MaxEvents)
                {
                    throw new TimelineInputException("events", $"最多 {MaxEvents} 个步骤。");
                }

                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var at = $"events[{index}]";
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        throw new TimelineInputException(at, "应为一个对象。");
                    }

                    var type = String(item, "type", at + ".type") ?? throw new TimelineInputException(at + ".type", "缺少步骤类型。");
                    if (!EventTypes.Contains(type))
                    {
                        throw new TimelineInputException(at + ".type", $"应为 {string.Join("、", EventTypes)} 之一。");
                    }

                    var on = Date(item, "on", at + ".on") ?? throw new TimelineInputException(at + ".on", "缺少日期。");
                    var party = String(item, "party", at + ".party") switch
                    {
                        null or "third-party" => ConsultationKind.ThirdParty,
                        "agency" => ConsultationKind.Agency,
                        _ => throw new TimelineInputException(at + ".party", "应为 third-party 或 agency。"),
                    };
                    int? days = null;
                    if (item.TryGetProperty("days", out var d) && d.ValueKind != JsonValueKind.Null)
                    {
                        days = d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out var n) && n is >= 1 and <= 60 ? n
                            : throw new TimelineInputException(at + ".days", "应为 1 至 60 之间的整数（延期最多 20 个工作日）。");
                    }

                    events.Add(new TimelineEvent(type, on, Date(item, "deliveredOn", at + ".deliveredOn"), Date(item, "dueOn", at + ".dueOn"), party, days));
                    index++;
                }
            }

            return new Timeline(channel, arrived, received, events, asOf);
        }
    }

    private static string? String(JsonElement element, string name, string field)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new TimelineInputException(field, "应为字符串。");
    }

    private static DateOnly? Date(JsonElement element, string name, string field) =>
        String(element, name, field) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new TimelineInputException(field, $"“{(text.Length > 20 ? text[..20] + "…" : text)}”不是 yyyy-MM-dd 格式的日期。");

    /// <summary>The result as the JSON the CLI and the API return.</summary>
    public static string Json(Result result) => JsonSerializer.Serialize(new
    {
        receivedOn = result.ReceivedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        dueOn = result.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        provisional = result.Provisional,
        state = result.State,
        refused = result.Refused.Select(r => new { index = r.Index, reason = r.Reason }),
        explanation = result.Explanation,
    }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The result as lines of text for a terminal.</summary>
    public static string Text(Result result)
    {
        var lines = new List<string>
        {
            $"答复期限：{(result.DueOn is { } due ? due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (result.Provisional ? "（预计）" : "") : "无法计算")}",
            $"状态：{result.State}",
        };
        lines.AddRange(result.Refused.Select(r => $"第 {r.Index + 1} 步不被接受：{r.Reason}"));
        lines.Add("");
        lines.AddRange(result.Explanation);
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}

/// <summary>A timeline the calculator cannot read; <see cref="Field"/> names where.</summary>
public sealed class TimelineInputException(string field, string message) : Exception($"{field}：{message}")
{
    public string Field { get; } = field;
}
