using Gongkai.Core.Agencies;
using Gongkai.Core.Requests;

namespace Gongkai.Core.Tests.Requests;

public sealed class IdentityDocumentTests
{
    private const string ResidentId = "11010519491231002X"; // GB 11643-1999's example
    private const string CreditCode = "914403001922038216"; // 华为技术有限公司, as published

    [Fact]
    public void A_resident_id_card_is_checked_by_gb_11643()
    {
        Assert.Null(IdentityDocument.Validate(IdentityDocumentType.ResidentIdCard, ResidentId));
        Assert.Equal(
            ResidentIdNumber.Validate("110105194912310025"),
            IdentityDocument.Validate(IdentityDocumentType.ResidentIdCard, "110105194912310025"));
        Assert.StartsWith("身份证号码", IdentityDocument.Validate(IdentityDocumentType.ResidentIdCard, CreditCode), StringComparison.Ordinal);
    }

    [Fact]
    public void A_unified_social_credit_code_is_checked_by_gb_32100()
    {
        Assert.Null(IdentityDocument.Validate(IdentityDocumentType.UnifiedSocialCreditCode, CreditCode));
        Assert.Equal(
            UnifiedSocialCreditCode.Validate(ResidentId),
            IdentityDocument.Validate(IdentityDocumentType.UnifiedSocialCreditCode, ResidentId));
        Assert.StartsWith("统一社会信用代码", IdentityDocument.Validate(IdentityDocumentType.UnifiedSocialCreditCode, ResidentId), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("E12345678")]
    [InlineData(" e12345678 ")] // trimmed and upper-cased before checking
    [InlineData("G1234")] // 5, the shortest
    [InlineData("AB1234567890CD123456")] // 20, the longest
    public void A_passport_number_of_5_to_20_letters_and_digits_is_accepted(string number)
    {
        Assert.Null(IdentityDocument.Validate(IdentityDocumentType.Passport, number));
    }

    [Theory]
    [InlineData("E123", 4)]
    [InlineData("AB1234567890CD1234567", 21)]
    public void A_passport_number_of_the_wrong_length_is_refused(string number, int length)
    {
        Assert.Equal($"护照号码应为 5–20 位字母或数字，输入的是 {length} 位。", IdentityDocument.Validate(IdentityDocumentType.Passport, number));
    }

    [Theory]
    [InlineData("E1234-5678", "第 6 位是“-”")]
    [InlineData("E1234 5678", "第 6 位是“ ”")]
    [InlineData("护照E1234567", "第 1 位是“护”")]
    [InlineData("É12345678", "第 1 位是“É”")]
    public void A_passport_number_with_other_characters_is_refused(string number, string where)
    {
        var message = IdentityDocument.Validate(IdentityDocumentType.Passport, number);

        Assert.NotNull(message);
        Assert.StartsWith("护照号码只能包含英文字母和数字", message, StringComparison.Ordinal);
        Assert.Contains(where, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("H12345678")]
    [InlineData("港澳居民来往内地通行证 H12345678")]
    [InlineData("x")]
    public void Another_document_accepts_any_text_up_to_50_characters(string number)
    {
        Assert.Null(IdentityDocument.Validate(IdentityDocumentType.Other, number));
        Assert.Null(IdentityDocument.Validate(IdentityDocumentType.Other, new string('号', 50)));
    }

    [Fact]
    public void Another_document_longer_than_50_characters_is_refused()
    {
        Assert.Equal(
            "证件号码不能超过 50 个字符，输入的是 51 个。",
            IdentityDocument.Validate(IdentityDocumentType.Other, " " + new string('号', 51) + " "));
    }

    [Theory]
    [InlineData(IdentityDocumentType.ResidentIdCard, "身份证号码不能为空。")]
    [InlineData(IdentityDocumentType.Passport, "护照号码不能为空。")]
    [InlineData(IdentityDocumentType.UnifiedSocialCreditCode, "统一社会信用代码不能为空。")]
    [InlineData(IdentityDocumentType.Other, "证件号码不能为空。")]
    public void An_empty_number_is_refused_for_every_type(IdentityDocumentType type, string message)
    {
        Assert.Equal(message, IdentityDocument.Validate(type, null));
        Assert.Equal(message, IdentityDocument.Validate(type, " \t "));
        Assert.False(IdentityDocument.IsValid(type, ""));
    }

    [Fact]
    public void A_type_that_does_not_exist_asks_for_a_type_rather_than_failing()
    {
        Assert.Equal("请选择证件类型。", IdentityDocument.Validate((IdentityDocumentType)99, ResidentId));
    }

    [Theory]
    [InlineData(IdentityDocumentType.ResidentIdCard, " 11010519491231002x ", "11010519491231002X")]
    [InlineData(IdentityDocumentType.Passport, " e12345678 ", "E12345678")]
    [InlineData(IdentityDocumentType.UnifiedSocialCreditCode, " 9144030071526726xg ", "9144030071526726XG")]
    [InlineData(IdentityDocumentType.Other, " 香港身份证 a123456(7) ", "香港身份证 a123456(7)")]
    public void Normalizing_trims_and_upper_cases_where_the_standard_does(IdentityDocumentType type, string typed, string normalized)
    {
        Assert.Equal(normalized, IdentityDocument.Normalize(type, typed));
    }

    [Fact]
    public void A_lower_case_credit_code_is_valid_once_normalized()
    {
        const string typed = "9144030071526726xg";

        Assert.NotNull(IdentityDocument.Validate(IdentityDocumentType.UnifiedSocialCreditCode, typed));
        Assert.Null(IdentityDocument.Validate(
            IdentityDocumentType.UnifiedSocialCreditCode,
            IdentityDocument.Normalize(IdentityDocumentType.UnifiedSocialCreditCode, typed)));
    }

    [Theory]
    [InlineData(IdentityDocumentType.ResidentIdCard, "11010519491231002X", "110***********002X")]
    [InlineData(IdentityDocumentType.Passport, "E12345678", "E1*****78")]
    [InlineData(IdentityDocumentType.UnifiedSocialCreditCode, "914403001922038216", "91**************16")]
    [InlineData(IdentityDocumentType.Other, "港澳通行证C1234567", "港澳*********67")]
    [InlineData(IdentityDocumentType.Other, "AB12", "****")]
    public void A_masked_document_shows_only_its_ends(IdentityDocumentType type, string number, string masked)
    {
        Assert.Equal(masked, IdentityDocument.Mask(type, number));
    }

    [Fact]
    public void Masking_a_type_that_does_not_exist_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IdentityDocument.Mask((IdentityDocumentType)99, ResidentId));
    }
}
