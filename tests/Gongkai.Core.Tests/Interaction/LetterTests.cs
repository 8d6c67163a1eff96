using Gongkai.Core.Interaction;

namespace Gongkai.Core.Tests.Interaction;

public sealed class LetterTests
{
    private static LetterFacts Letter(InteractionChannel channel, string received, string due, string? answered, LetterStatus status) =>
        new(channel, DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            answered is null ? null : DateOnly.Parse(answered, System.Globalization.CultureInfo.InvariantCulture), status);

    [Fact]
    public void A_years_letters_are_counted_by_the_day_received_and_answered_by_31_december()
    {
        LetterFacts[] letters =
        [
            Letter(InteractionChannel.LeaderMailbox, "2024-03-01", "2024-03-15", "2024-03-10", LetterStatus.Answered),
            Letter(InteractionChannel.LeaderMailbox, "2024-05-01", "2024-05-15", "2024-05-20", LetterStatus.Answered),
            Letter(InteractionChannel.LeaderMailbox, "2024-12-28", "2025-01-10", "2025-01-05", LetterStatus.Answered),
            Letter(InteractionChannel.Complaint, "2024-06-01", "2024-06-14", null, LetterStatus.Assigned),
            Letter(InteractionChannel.Complaint, "2023-12-30", "2024-01-12", "2024-01-03", LetterStatus.Answered),
            Letter(InteractionChannel.Inquiry, "2024-07-01", "2024-07-08", "2024-07-02", LetterStatus.Closed),
        ];

        var counts = LetterCounting.Count(letters, 2024);

        Assert.Equal(new ChannelCount(InteractionChannel.LeaderMailbox, 3, 2, 1), counts[0]);
        Assert.Equal(new ChannelCount(InteractionChannel.Complaint, 1, 0, 0), counts[1]);
        Assert.Equal(new ChannelCount(InteractionChannel.Inquiry, 1, 1, 1), counts[2]);
        Assert.Equal("本年度通过政府网站互动交流栏目收到领导信箱3件，网上投诉1件，咨询1件，已办理答复3件，其中按期答复2件。", LetterCounting.Paragraph(counts));
        Assert.Equal("本年度政府网站互动交流栏目未收到来信。", LetterCounting.Paragraph(LetterCounting.Count([], 2024)));
    }

    [Fact]
    public void Personal_data_is_removed_before_publication()
    {
        var text = "我是张三丰，电话 138-1234-5678，座机 020-83123456，身份证 440106199001011234，邮箱 zsf@example.com。张三丰家住幸福路 8 号。";

        var redacted = LetterRedaction.Redact(text, "张三丰", "幸福路 8 号");

        Assert.Equal("我是×××，电话 ×××，座机 ×××，身份证 ×××，邮箱 ×××。×××家住×××。", redacted);
        Assert.Equal("共 12 户，2024年3月5日办理。", LetterRedaction.Redact("共 12 户，2024年3月5日办理。"));
        Assert.Equal("张**", Gongkai.Core.Requests.PersonalData.MaskName(" 张三丰 "));
        Assert.Equal("李*", Gongkai.Core.Requests.PersonalData.MaskName("李"));
    }

    [Theory]
    [InlineData("我是和平路8号3单元502的住户，楼下噪音扰民。", "我是×××的住户，楼下噪音扰民。")]
    [InlineData("家住幸福小区3栋2单元501室。", "家住×××。")]
    [InlineData("东大街12号院门口的路灯不亮。", "×××门口的路灯不亮。")]
    [InlineData("我住在青山镇幸福村三组 12 号。", "我住在×××。")]
    [InlineData("共 12 户，2024年3月5日办理，涉及 3 条道路。", "共 12 户，2024年3月5日办理，涉及 3 条道路。")]
    public void A_street_address_down_to_the_door_is_removed(string text, string published)
    {
        Assert.Equal(published, LetterRedaction.Redact(text));
        Assert.Equal(published != text, LetterRedaction.HasPersonalData(text, []));
    }

    [Fact]
    public void The_agency_s_published_contact_data_is_never_removed_and_names_found_are()
    {
        string?[] agency = ["0999-12345678", "gongkai@example.gov.cn", "示例省示例市示例区人民路 1 号"];
        const string reply = "经核实，已督促物业整改。王建国反映的问题请拨打0999-12345678或发邮件至gongkai@example.gov.cn，也可到人民路1号当面反映；物业经理电话 0999-87654321。";

        var published = LetterRedaction.Redact(reply, [], agency, ["王建国"]);

        Assert.Equal("经核实，已督促物业整改。×××反映的问题请拨打0999-12345678或发邮件至gongkai@example.gov.cn，也可到人民路1号当面反映；物业经理电话 ×××。", published);
        Assert.False(LetterRedaction.HasPersonalData("如有疑问请拨打0999-12345678。", agency));
        Assert.True(LetterRedaction.HasPersonalData("如有疑问请拨打0999-12345678。", []));
    }
}
