using Gongkai.Core.Calendar;
using Gongkai.Core.Deadlines;
using Gongkai.Core.Interaction;
using Gongkai.Core.Tests.Calendar;

namespace Gongkai.Core.Tests.Interaction;

/// <summary>
/// Every step of a letter's handling in Core, without a database: what each step does to the letter and its history,
/// and that each refusal says why and changes nothing.
/// </summary>
public sealed class LetterWorkflowTests
{
    private static readonly WorkingDayCalendar Calendar = OfficialSchedule.ProductCalendar();
    private static readonly DateOnly Received = OfficialSchedule.Day("2024-09-27");
    private static readonly LetterWriter Writer = new("李四", "13912345678", "lisi@example.com", "幸福路8号");
    private static readonly string[] Units = ["区政府办公室", "区住建局"];

    private static Deadline ReplyTime(DateOnly from, int days = 10) => Deadline.Count(Calendar, from, new WorkingDays(days), from, null, Letter.ReplyTime);

    private static Letter Received_(bool agreesToPublish = true) =>
        Letter.Receive(InteractionChannel.LeaderMailbox, Writer, agreesToPublish, Received, ReplyTime(Received), Letter.Writer);

    private static Letter Answered(bool agreesToPublish = true)
    {
        var letter = Received_(agreesToPublish);
        Assert.Null(letter.Assign("区政府办公室", "王五", null, "clerk", Units));
        Assert.Null(letter.Answer("您反映的问题已转交相关部门处理，感谢您的来信。", "handler", OfficialSchedule.Day("2024-10-09"), requireApproval: false));
        return letter;
    }

    /// <summary>A refused step leaves the letter as it was, with nothing added to its history.</summary>
    private static void Refused(Letter letter, Func<Letter, string?> step, string expected)
    {
        var before = letter.State;
        var steps = letter.NewSteps.Count;

        var refusal = step(letter);

        Assert.Equal(expected, refusal);
        Assert.Equal(before, letter.State);
        Assert.Equal(steps, letter.NewSteps.Count);
    }

    [Fact]
    public void A_letter_received_before_national_day_is_due_ten_working_days_later_counting_the_make_up_days()
    {
        var letter = Received_();

        // 9-29 (Sunday, worked) and 9-30, then 10-8 to 10-12 (Saturday, worked), 10-14 to 10-16.
        Assert.Equal(LetterStatus.Received, letter.Status);
        Assert.Equal(OfficialSchedule.Day("2024-10-16"), letter.State.DueOn);
        var step = Assert.Single(letter.NewSteps);
        Assert.Equal(new LetterStep("来信人", "收到来信", "领导信箱，答复期限 2024-10-16"), step);
    }

    [Fact]
    public void Assigning_gives_the_letter_to_a_listed_unit_and_a_change_of_unit_is_a_transfer_with_a_reason()
    {
        var letter = Received_();
        Refused(letter, l => l.Assign(" ", null, null, "clerk", Units), "请选择承办单位。");
        Refused(letter, l => l.Assign("区教育局", null, null, "clerk", Units), "“区教育局”不在本栏目的承办单位中。");

        Assert.Null(letter.Assign("区政府办公室", "王五", null, "clerk", Units));
        Assert.Equal(LetterStatus.Assigned, letter.Status);
        Assert.Equal(new LetterStep("clerk", "分办", "区政府办公室，承办人 王五"), letter.NewSteps[^1]);

        Refused(letter, l => l.Assign("区住建局", null, "", "clerk", Units), "转办须说明理由。");
        Assert.Null(letter.Assign("区住建局", null, "属住建局职责", "clerk", Units));
        Assert.Equal(("区住建局", (string?)null, LetterStatus.Assigned), (letter.State.Unit, letter.State.Handler, letter.Status));
        Assert.Equal(new LetterStep("clerk", "转办", "由 区政府办公室 转至 区住建局；理由：属住建局职责"), letter.NewSteps[^1]);
        Assert.Null(Received_().Assign("区教育局", null, null, "clerk", []));
    }

    [Fact]
    public void A_reply_is_sent_at_once_or_waits_for_approval_and_an_approver_sends_it_or_returns_it_with_a_note()
    {
        var direct = Received_();
        Refused(direct, l => l.Answer("太短了", "handler", Received, requireApproval: false), "答复内容须为 10 至 5000 个字。");
        Assert.Null(direct.Answer("您反映的问题已转交相关部门处理，感谢您的来信。", "handler", OfficialSchedule.Day("2024-10-08"), requireApproval: false));
        Assert.Equal((LetterStatus.Answered, OfficialSchedule.Day("2024-10-08"), "handler", "（未分办）"), (direct.Status, direct.State.AnsweredOn!.Value, direct.State.AnsweredBy!, direct.State.Unit!));
        Refused(direct, l => l.Answer("您反映的问题已转交相关部门处理。", "handler", Received, requireApproval: false), "来信已办结。");

        var approved = Received_();
        Refused(approved, l => l.Approve(true, null, "approver", Received), "没有等待审核的答复。");
        Assert.Null(approved.Answer("您反映的问题已转交相关部门处理，感谢您的来信。", "handler", Received, requireApproval: true));
        Assert.Equal(LetterStatus.AwaitingApproval, approved.Status);
        Assert.Null(approved.State.AnsweredOn);
        Refused(approved, l => l.Answer("另一份答复内容，长度足够十个字。", "handler", Received, requireApproval: true), "答复正在等待审核。");
        Refused(approved, l => l.Approve(false, " ", "approver", Received), "退回修改须说明意见。");

        Assert.Null(approved.Approve(false, "请补充办理时限", "approver", Received));
        Assert.Equal(LetterStatus.Assigned, approved.Status);
        Assert.Null(approved.Answer("已于十月十日前完成整改，感谢您的来信。", "handler", Received, requireApproval: true));
        Assert.Null(approved.Approve(true, null, "approver", OfficialSchedule.Day("2024-10-10")));
        Assert.Equal((LetterStatus.Answered, OfficialSchedule.Day("2024-10-10")), (approved.Status, approved.State.AnsweredOn!.Value));
        Assert.Equal(["收到来信", "拟定答复", "退回修改", "拟定答复", "审核通过", "答复"], approved.NewSteps.Select(s => s.Action));
    }

    [Fact]
    public void A_letter_needing_no_reply_is_closed_with_its_reason_and_an_ended_letter_is_not_closed_again()
    {
        var letter = Received_();
        Refused(letter, l => l.Close("重复", "clerk", Received), "办结理由须为 4 至 500 个字。");

        Assert.Null(letter.Close("与第3封来信内容相同", "clerk", Received));
        Assert.Equal((LetterStatus.Closed, "与第3封来信内容相同", Received), (letter.Status, letter.State.ClosedReason!, letter.State.AnsweredOn!.Value));
        Refused(letter, l => l.Close("与第3封来信内容相同", "clerk", Received), "来信已办结。");
        Refused(letter, l => l.Assign("区政府办公室", null, null, "clerk", Units), "来信已办结；如需重新办理，请先重新打开。");
    }

    [Fact]
    public void Reopening_sends_the_letter_back_to_its_unit_with_a_new_reply_time_and_withdraws_its_publication()
    {
        Refused(Received_(), l => l.Reopen("来信人不满意", "clerk", ReplyTime(Received)), "来信尚未办结，无需重新打开。");
        var letter = Answered();
        Assert.Null(letter.Publish("关于路灯的来信", "路灯不亮。", "已修复。", "clerk", OfficialSchedule.Day("2024-10-09")));
        Refused(letter, l => l.Reopen("短", "clerk", ReplyTime(Received)), "重新办理的理由须为 4 至 500 个字。");

        var reopenedOn = OfficialSchedule.Day("2024-10-21");
        Assert.Null(letter.Reopen("答复未说明整改时限", "clerk", ReplyTime(reopenedOn)));

        Assert.Equal(LetterStatus.Assigned, letter.Status);
        Assert.Equal((string?)null, letter.State.AnsweredBy);
        Assert.False(letter.State.IsPublished);
        Assert.Equal(OfficialSchedule.Day("2024-11-04"), letter.State.DueOn);
        Assert.Equal("答复未说明整改时限；原答复：您反映的问题已转交相关部门处理，感谢您的来信。；答复期限 2024-11-04", letter.NewSteps[^1].Details);
    }

    [Fact]
    public void The_writer_rates_once_and_not_satisfied_with_a_reason_reopens_the_letter_in_the_same_step()
    {
        Refused(Received_(), l => l.Rate(LetterRating.Satisfied, null, ReplyTime(Received)), "来信答复后才能评价。");
        var satisfied = Answered();
        Refused(satisfied, l => l.Rate(LetterRating.Satisfied, new string('好', 501), ReplyTime(Received)), "评价意见不能超过 500 个字。");
        Assert.Null(satisfied.Rate(LetterRating.Satisfied, " 很及时 ", ReplyTime(Received)));
        Assert.Equal((LetterRating.Satisfied, "很及时", LetterStatus.Answered), (satisfied.State.Rating!.Value, satisfied.State.RatingComment!, satisfied.Status));
        Refused(satisfied, l => l.Rate(LetterRating.Unsatisfied, "还是不亮", ReplyTime(Received)), "您已评价过本次答复。");

        var unsatisfied = Answered();
        Assert.Null(unsatisfied.Rate(LetterRating.Unsatisfied, "路灯还是不亮", ReplyTime(OfficialSchedule.Day("2024-10-21"))));
        Assert.Equal(LetterStatus.Assigned, unsatisfied.Status);
        Assert.Null(unsatisfied.State.Rating);
        Assert.Equal([("来信人", "评价"), ("来信人", "重新办理")], unsatisfied.NewSteps.TakeLast(2).Select(s => (s.Actor, s.Action)));

        // Not satisfied without a reason is a rating, not an objection.
        var silent = Answered();
        Assert.Null(silent.Rate(LetterRating.Unsatisfied, null, ReplyTime(Received)));
        Assert.Equal(LetterStatus.Answered, silent.Status);
    }

    [Fact]
    public void Only_an_answered_letter_whose_writer_agreed_is_published_and_never_with_the_writers_personal_data()
    {
        Refused(Answered(agreesToPublish: false), l => l.Publish("标题", "内容", "答复", "clerk", Received), "来信人未同意公开，不能发布。");
        Refused(Received_(), l => l.Publish("标题", "内容", "答复", "clerk", Received), "来信答复后才能公开。");
        var letter = Answered();
        Refused(letter, l => l.Publish("标题", " ", "答复", "clerk", Received), "请填写公开的标题、来信内容和答复内容。");
        const string Leak = "公开内容仍含有个人信息（姓名、电话、证件号码、电子邮箱或地址），请删除后再发布。";
        Refused(letter, l => l.Publish("李四反映路灯问题", "路灯不亮。", "已修复。", "clerk", Received), Leak);
        Refused(letter, l => l.Publish("路灯问题", "家住幸福路8号，路灯不亮。", "已修复。", "clerk", Received), Leak);
        Refused(letter, l => l.Publish("路灯问题", "路灯不亮，请回电13800001111。", "已修复。", "clerk", Received), Leak);

        Assert.Null(letter.Publish("路灯问题", "路灯不亮。", "已修复。", "clerk", OfficialSchedule.Day("2024-10-10")));
        Assert.Equal((true, "路灯问题", OfficialSchedule.Day("2024-10-10")), (letter.State.IsPublished, letter.State.PublicSubject!, letter.State.PublishedOn!.Value));

        Assert.Null(letter.Unpublish("clerk"));
        Assert.False(letter.State.IsPublished);
        Refused(letter, l => l.Unpublish("clerk"), "来信未公开。");
        Assert.Equal(["公开", "撤销公开"], letter.NewSteps.TakeLast(2).Select(s => s.Action));
    }

    [Fact]
    public void A_new_holiday_schedule_moves_the_due_date_of_an_open_letter_only()
    {
        var open = Received_();
        Assert.False(open.Recount(open.State.DueOn, provisional: false));
        Assert.True(open.Recount(OfficialSchedule.Day("2024-10-17"), provisional: true));
        Assert.Equal(OfficialSchedule.Day("2024-10-17"), open.State.DueOn);
        Assert.Equal(new LetterStep("系统", "重新计算答复期限", "节假日安排变更，答复期限由 2024-10-16（预计）改为 2024-10-17（预计）"), open.NewSteps[^1]);

        var answered = Answered();
        Assert.False(answered.Recount(OfficialSchedule.Day("2024-10-17"), provisional: false));
        Assert.Equal(OfficialSchedule.Day("2024-10-16"), answered.State.DueOn);
    }

    [Fact]
    public void A_restored_letter_takes_its_next_step_from_where_it_was()
    {
        var stored = Answered().State;

        var letter = Letter.Restore(stored);

        Assert.Empty(letter.NewSteps);
        Assert.Null(letter.Rate(LetterRating.Satisfied, null, ReplyTime(Received)));
        Assert.Equal(stored with { Rating = LetterRating.Satisfied }, letter.State);
    }
}
