using Gongkai.Core.Requests;
using static Gongkai.Core.Tests.Requests.RequestBuilder;

namespace Gongkai.Core.Tests.Requests;

/// <summary>A notice must say what the law requires: real reasons, a named legal basis, the remedies, how to pay.</summary>
public sealed class NoticeContentTests
{
    [Theory]
    [InlineData("。", null)]
    [InlineData("……", null)]
    [InlineData("x", null)]
    [InlineData("涉及商业秘密，第三方不同意公开", "x")]
    [InlineData("涉及商业秘密，第三方不同意公开", "依法")]
    public void A_refusal_without_real_reasons_or_a_named_basis_is_refused(string reason, string? basis)
    {
        var request = InPerson("2024-03-04");

        var e = Assert.Throws<RequestRuleException>(() => request.Decide(On("2024-03-08"), Outcome.WithheldThirdPartyRights, reason, basis));

        Assert.True(e.Message.Contains("理由", StringComparison.Ordinal) || e.Message.Contains("依据", StringComparison.Ordinal), e.Message);
    }

    [Theory]
    [InlineData("《中华人民共和国政府信息公开条例》第十五条")]
    [InlineData("政府信息公开条例第十五条")]
    [InlineData("《中华人民共和国保守国家秘密法》")]
    public void A_refusal_with_reasons_and_a_named_basis_is_recorded(string basis)
    {
        var request = InPerson("2024-03-04");

        request.Decide(On("2024-03-08"), Outcome.WithheldThirdPartyRights, "涉及商业秘密，第三方不同意公开", basis);

        Assert.Equal(RequestStatus.Decided, request.Status);
    }

    [Fact]
    public void A_reply_template_cannot_drop_the_reasons_the_basis_or_the_remedies()
    {
        var full = NoticeTemplate.Default(NoticeKind.Reply);
        var noRemedies = full with { Body = full.Body.Replace("{救济途径}", "", StringComparison.Ordinal) };
        var noBasis = full with { Body = full.Body.Replace("依据：{依据}。", "", StringComparison.Ordinal) };

        Assert.Null(full.Validate());
        Assert.Contains("救济途径", noRemedies.Validate(), StringComparison.Ordinal);
        Assert.Contains("依据", noBasis.Validate(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fee_notice_template_states_how_to_pay()
    {
        var fee = NoticeTemplate.Default(NoticeKind.Fee);
        var withoutPayment = fee with { Body = fee.Body.Replace("缴纳方式：{缴费方式}。", "", StringComparison.Ordinal) };

        Assert.Null(fee.Validate());
        Assert.Contains("缴费方式", withoutPayment.Validate(), StringComparison.Ordinal);
    }
}
