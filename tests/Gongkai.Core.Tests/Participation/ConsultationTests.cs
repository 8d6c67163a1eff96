using Gongkai.Core.Participation;

namespace Gongkai.Core.Tests.Participation;

/// <summary>意见征集: the period, comments only while it runs, the feedback only after.</summary>
public sealed class ConsultationTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static Consultation Open() =>
        Consultation.Start(new ConsultationInput("关于停车管理办法的征求意见", "为规范城市道路停车秩序，起草了停车管理办法征求意见稿，现公开征求意见。", Today, Today.AddDays(29)), Today).Consultation!;

    [Fact]
    public void A_draft_is_put_out_for_a_period_of_at_least_a_week_from_today()
    {
        var (_, errors) = Consultation.Start(new ConsultationInput("短", "太短", Today.AddDays(-1), Today.AddDays(3)), Today);

        Assert.Equal("标题须为 4 至 100 个字（现为 1 个字）。", errors["Title"]);
        Assert.Equal("征求意见稿须为 20 至 20000 个字（现为 2 个字）。", errors["Body"]);
        Assert.Equal("开始日期不能早于今天。", errors["OpensOn"]);
        Assert.Equal("征求意见期限不少于 7 日（重大行政决策一般不少于 30 日）。", errors["ClosesOn"]);
        Assert.Empty(Consultation.Start(new ConsultationInput("关于停车管理办法的征求意见", new string('文', 30), Today, Today.AddDays(6)), Today).Errors);
    }

    [Fact]
    public void Comments_are_taken_only_while_it_runs()
    {
        var consultation = Open();

        Assert.Equal("征求意见自 2026-03-02 开始，请届时提交。", consultation.CheckComment("建议增设夜间免费时段。", Today.AddDays(-1)));
        Assert.Null(consultation.CheckComment("建议增设夜间免费时段。", Today));
        Assert.Null(consultation.CheckComment("建议增设夜间免费时段。", Today.AddDays(29)));
        Assert.Equal("征求意见已于 2026-03-31 截止。", consultation.CheckComment("建议增设夜间免费时段。", Today.AddDays(30)));
        Assert.Equal("意见须为 5 至 2000 个字（现为 2 个字）。", consultation.CheckComment("同意", Today));
        Assert.Equal(ConsultationPhase.Open, consultation.PhaseOn(Today.AddDays(10)));
    }

    [Fact]
    public void The_feedback_is_published_after_the_period_and_says_enough()
    {
        var consultation = Open();

        Assert.Equal("征求意见 2026-03-31 截止后才能发布采纳情况。", consultation.PublishFeedback("共收到意见12条，采纳5条。", Today.AddDays(29)));
        Assert.Equal("采纳情况须为 10 至 5000 个字（现为 2 个字）。", consultation.PublishFeedback("已阅", Today.AddDays(30)));
        Assert.Null(consultation.PublishFeedback("共收到意见12条，采纳5条，未采纳的已说明理由。", Today.AddDays(30)));
        Assert.Equal(Today.AddDays(30), consultation.State.FeedbackOn);
    }
}
