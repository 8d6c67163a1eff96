using System.Text.Json;
using Gongkai.Core.Requests;
using static Gongkai.Core.Tests.Calendar.OfficialSchedule;
using static Gongkai.Core.Tests.Requests.RequestBuilder;

namespace Gongkai.Core.Tests.Requests;

public sealed class InformationRequestTests
{
    private static void Refused(Action step, string message)
    {
        var e = Assert.Throws<RequestRuleException>(step);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_goes_from_online_submission_to_archive()
    {
        var request = InformationRequest.Submit(Channel.Online, ApplicantType.Business, On("2024-05-05", Actor.Applicant));
        request.ConfirmReceipt(On("2024-05-06", Clerk));
        request.RequestCorrection(On("2024-05-08"), "请写明文件名称", Day("2024-05-17"), Official);
        request.ReceiveCorrection(On("2024-05-15", Clerk), Official);
        request.Extend(On("2024-06-05"), 10, Head, "涉及多个科室", Official);
        request.Decide(On("2024-06-20"), Outcome.PartiallyDisclosed, "其中第 3 项涉及个人隐私，已作区分处理", null);
        request.Deliver(On("2024-06-21", Clerk), DeliveryMethod.Mail, "EMS1234567890");
        request.Archive(On("2024-06-28", Clerk));

        Assert.Equal(RequestStatus.Archived, request.Status);
        Assert.Equal(Day("2024-05-06"), request.ReceivedOn);
        Assert.Equal(Day("2024-05-15"), request.ClockStart);
        Assert.Equal(Outcome.PartiallyDisclosed, request.Decision!.Outcome);
        Assert.Equal("《中华人民共和国政府信息公开条例》第三十七条", request.Decision.LegalBasis);
        Assert.Equal(8, request.Version);
        Assert.Equal(ClockState.Met, request.Clock("2024-06-28").State);
    }

    [Fact]
    public void Replaying_a_stored_history_gives_back_the_same_request()
    {
        var request = InPerson("2024-03-04", ApplicantType.LegalServiceProvider);
        var n = request.StartConsultation(On("2024-03-11"), ConsultationKind.ThirdParty, "甲公司", Official);
        request.EndConsultation(On("2024-03-15"), n, "同意公开");
        request.SendFeeNotice(On("2024-03-18"), FeeQuote.QuoteByCount(10, 1), Official);
        request.RecordFeePaid(On("2024-03-19", Clerk), Official);
        request.Decide(On("2024-03-25"), Outcome.WithheldThirdPartyRights, "第三方不同意公开且理由合理", null);

        var json = JsonSerializer.Serialize(request.History.ToList());
        var replayed = InformationRequest.Replay(JsonSerializer.Deserialize<List<RequestEvent>>(json)!);

        Assert.Equal(request.Status, replayed.Status);
        Assert.Equal(request.ApplicantType, replayed.ApplicantType);
        Assert.Equal(request.Decision, replayed.Decision);
        Assert.Equal(request.Consultations, replayed.Consultations);
        Assert.Equal(request.Clock("2024-03-25").Due, replayed.Clock("2024-03-25").Due);
        Assert.Equal(request.Clock("2024-03-25").Explanation, replayed.Clock("2024-03-25").Explanation);
        Assert.Contains("\"type\":\"fee-notice-sent\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Channel.Online)]
    [InlineData(Channel.Email)]
    [InlineData(Channel.Fax)]
    [InlineData(Channel.OrdinaryMail)]
    public void Channels_that_need_confirmation_wait_for_it(Channel channel)
    {
        var request = InformationRequest.Submit(channel, ApplicantType.NaturalPerson, On("2024-03-04", Clerk));

        Assert.Equal(RequestStatus.AwaitingConfirmation, request.Status);
        Assert.Null(request.ReceivedOn);
        Refused(() => request.Decide(On("2024-03-05"), Outcome.Disclosed, null, null), "待确认收到");
        Refused(() => InformationRequest.Submit(channel, ApplicantType.NaturalPerson, On("2024-03-04", Clerk), Day("2024-03-04")), "须经确认");
    }

    [Fact]
    public void Registered_mail_is_received_the_day_it_is_signed_for()
    {
        var request = InformationRequest.Submit(Channel.RegisteredMail, ApplicantType.NaturalPerson, On("2024-03-06", Clerk), Day("2024-03-05"));

        Assert.Equal(Day("2024-03-05"), request.ReceivedOn);
        Refused(() => InformationRequest.Submit(Channel.RegisteredMail, ApplicantType.NaturalPerson, On("2024-03-06", Clerk)), "须填写签收日期");
    }

    [Fact]
    public void A_late_correction_notice_is_sent_but_warned_about()
    {
        // Received Mon 2024-05-06: working days 05-07 … 05-10, Sat 05-11 (make-up), 05-13, 05-14 = 7th.
        var onTime = InPerson("2024-05-06");
        var late = InPerson("2024-05-06");

        var none = onTime.RequestCorrection(On("2024-05-14"), "补充文号", Day("2024-05-31"), Official);
        var warning = late.RequestCorrection(On("2024-05-15"), "补充文号", Day("2024-05-31"), Official);

        Assert.Null(none);
        Assert.Contains("最迟 2024-05-14", warning, StringComparison.Ordinal);
        Assert.True(((CorrectionRequested)late.History[^1]).Late);
    }

    [Fact]
    public void Correction_is_asked_once_and_lapses_only_after_its_period_into_other_handling()
    {
        var request = InPerson("2024-05-06");
        request.RequestCorrection(On("2024-05-08"), "补充文号", Day("2024-05-20"), Official);

        Refused(() => request.LapseCorrection(On("2024-05-20"), Official), "届满后才能");
        Refused(() => request.ReceiveCorrection(On("2024-05-21", Clerk), Official), "补正期限已于 2024-05-20 届满");
        request.LapseCorrection(On("2024-05-21"), Official);

        Assert.Equal(RequestStatus.Decided, request.Status);
        Assert.Equal(Outcome.OtherCorrectionNotSupplied, request.Decision!.Outcome);
        Assert.Equal(ClockState.Met, request.Clock("2024-05-21").State);

        var again = InPerson("2024-05-06");
        again.RequestCorrection(On("2024-05-08"), "补充文号", Day("2024-05-20"), Official);
        again.ReceiveCorrection(On("2024-05-10", Clerk), Official);
        Refused(() => again.RequestCorrection(On("2024-05-13"), "再补充", Day("2024-05-20"), Official), "只能发一次");
    }

    [Fact]
    public void An_extension_is_once_at_most_20_days_approved_before_the_due_date()
    {
        var request = InPerson("2024-03-04");

        Refused(() => request.Extend(On("2024-03-20"), 21, Head, "理由", Official), "1 至 20 个工作日");
        Refused(() => request.Extend(On("2024-03-20"), 5, Head, " ", Official), "延期理由");
        Refused(() => request.Extend(On("2024-04-02"), 5, Head, "理由", Official), "2024-04-01 届满");
        request.Extend(On("2024-04-01"), 5, Head, "理由", Official);
        Refused(() => request.Extend(On("2024-04-02"), 5, Head, "理由", Official), "只能延长一次");
    }

    [Fact]
    public void Fees_apply_only_to_requests_received_from_2021_and_lapse_after_20_working_days()
    {
        var old = InPerson("2020-12-31");
        Refused(() => old.SendFeeNotice(On("2021-01-04"), FeeQuote.QuoteByCount(10, 1), Official), "2021 年 1 月 1 日");

        var request = InPerson("2024-03-04");
        Refused(() => request.SendFeeNotice(On("2024-03-05"), FeeQuote.QuoteByCount(0, 1), Official), "应大于零");
        request.SendFeeNotice(On("2024-03-05"), FeeQuote.QuoteByCount(10, 1), Official);
        // 20 working days after 03-05 → 04-02.
        Assert.Equal(Day("2024-04-02"), request.FeePayBy(Official));
        Refused(() => request.Decide(On("2024-03-06"), Outcome.Disclosed, null, null), "待缴费");
        Refused(() => request.LapseFee(On("2024-04-02"), Official), "届满后才能");
        Refused(() => request.RecordFeePaid(On("2024-04-03", Clerk), Official), "缴费期限已于 2024-04-02 届满");
        request.LapseFee(On("2024-04-03"), Official);

        Assert.Equal(Outcome.OtherFeeNotPaid, request.Decision!.Outcome);
    }

    [Fact]
    public void A_decision_needs_its_reason_its_legal_basis_and_no_open_consultation()
    {
        var request = InPerson("2024-03-04");
        var n = request.StartConsultation(On("2024-03-05"), ConsultationKind.Agency, "示例区财政局", Official);

        Refused(() => request.Decide(On("2024-03-06"), Outcome.Disclosed, null, null), "未结束的征求意见");
        request.EndConsultation(On("2024-03-07"), n, "同意公开");
        Refused(() => request.Decide(On("2024-03-08"), Outcome.WithheldStateSecret, "", null), "须说明理由");
        Refused(() => request.Decide(On("2024-03-08"), Outcome.NotProcessedConfirmationOfObtained, "已获取", null), "所依据的条款");
        Refused(() => request.Decide(On("2024-03-08"), Outcome.OtherFeeNotPaid, "x", "y"), "不能直接选择");
        Refused(() => request.Decide(On("2024-03-08"), Outcome.UnavailableUnclearAfterCorrection, "仍不明确", null), "已经补正过");
        Refused(() => request.Decide(On("2024-03-08"), Outcome.Disclosed, null, null, onTheSpot: true), "当场答复");
        request.Decide(On("2024-03-08"), Outcome.NotProcessedPetitionOrComplaint, "属于信访投诉，已告知通过信访渠道提出", null);

        Assert.Equal("《中华人民共和国政府信息公开条例》第三十九条第一款", request.Decision!.LegalBasis);
    }

    [Fact]
    public void Steps_cannot_be_dated_in_the_future_or_before_the_previous_step()
    {
        var request = InPerson("2024-03-04");

        Refused(() => request.Decide(new Step(Day("2024-03-10"), Handler, Day("2024-03-09")), Outcome.Disclosed, null, null), "不能晚于今天");
        Refused(() => request.Decide(On("2024-03-03"), Outcome.Disclosed, null, null), "早于上一步的日期");
    }

    [Fact]
    public void An_archived_request_cannot_be_decided_again()
    {
        var request = InPerson("2024-03-04");
        request.Decide(On("2024-03-05"), Outcome.Disclosed, null, null);
        Refused(() => request.Archive(On("2024-03-06")), "已答复待送达");
        Refused(() => request.Deliver(On("2024-03-06"), DeliveryMethod.Mail, null), "邮件号码");
        request.Deliver(On("2024-03-06"), DeliveryMethod.PickUp, null);
        request.Archive(On("2024-03-07"));

        Refused(() => request.Decide(On("2024-03-08"), Outcome.Disclosed, null, null), "已归档");
        Refused(() => request.Withdraw(On("2024-03-08"), "撤回"), "已归档");
    }

    [Fact]
    public void Withdrawal_before_confirmation_cancels_and_after_it_closes_as_other_handling()
    {
        var unconfirmed = InformationRequest.Submit(Channel.Online, ApplicantType.NaturalPerson, On("2024-03-04", Actor.Applicant));
        var confirmed = OnlineConfirmed("2024-03-04", "2024-03-04");

        unconfirmed.Withdraw(On("2024-03-05", Actor.Applicant), "申请人在线撤回");
        confirmed.Withdraw(On("2024-03-05", Clerk), "申请人书面撤回");

        Assert.Equal(RequestStatus.Cancelled, unconfirmed.Status);
        Assert.Null(unconfirmed.Decision);
        Assert.Equal(Outcome.OtherOther, confirmed.Decision!.Outcome);
        Assert.Contains("申请人书面撤回", confirmed.Decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Art_35_sets_a_longer_reasonable_deadline()
    {
        var request = InPerson("2024-03-04");
        request.RequestReasons(On("2024-03-05"), "本年度已就同类事项提出 120 件申请", Day("2024-03-12"), Official);
        request.RecordReasons(On("2024-03-06"), "为研究课题需要，理由合理", accepted: true);

        Refused(() => request.SetReasonableDeadline(On("2024-03-06"), Day("2024-03-29"), "数量明显超过合理范围", Official), "应晚于现在的答复期限");
        request.SetReasonableDeadline(On("2024-03-06"), Day("2024-05-31"), "申请 300 份文件，理由合理", Official);

        var clock = request.Clock("2024-04-15");
        Assert.Equal(Day("2024-05-31"), clock.Due);
        Assert.Equal(ClockState.Running, clock.State);
        Assert.Contains(clock.Explanation, l => l.Contains("第三十五条", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_outcome_has_a_category_a_label_and_reason_rules()
    {
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            Assert.False(string.IsNullOrEmpty(outcome.DisplayName()));
            Assert.Equal(outcome.Category() != OutcomeCategory.Disclosed, outcome.NeedsReason());
        }

        Assert.Equal(21, Enum.GetValues<Outcome>().Length);
        Assert.Equal(8, Enum.GetValues<Outcome>().Count(o => o.Category() == OutcomeCategory.Withheld));
        Assert.Equal(OutcomeCategory.PartiallyDisclosed, Outcome.PartiallyDisclosed.Category());
    }
}
