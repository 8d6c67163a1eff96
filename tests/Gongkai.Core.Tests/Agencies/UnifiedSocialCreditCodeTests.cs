using Gongkai.Core.Agencies;

namespace Gongkai.Core.Tests.Agencies;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("11110000MB0123456")] // 机构编制 · 机关 · 北京市
    [InlineData("12440300455757123")] // 机构编制 · 事业单位 · 深圳市
    [InlineData("91310115MA1K3Y8Q2")] // 工商 · 企业 · 上海市浦东新区
    [InlineData("52100000500012345")] // 民政 · 社会团体
    public void A_code_completed_with_its_check_character_is_valid(string first17)
    {
        var check = UnifiedSocialCreditCode.CheckCharacter(first17);

        Assert.Equal(Reference.CheckCharacter(first17), check);
        Assert.True(UnifiedSocialCreditCode.IsValid(first17 + check));
        Assert.Null(UnifiedSocialCreditCode.Validate(first17 + check));
    }

    [Theory]
    [InlineData("914403001922038216")] // 华为技术有限公司, as published
    [InlineData("9144030071526726XG")] // 腾讯科技（深圳）有限公司, as published
    public void A_published_code_is_valid(string code)
    {
        // The check character is recomputed here by the GB 32100-2015 rule, not taken on trust.
        Assert.Equal(code[17], Reference.CheckCharacter(code[..17]));
        Assert.Null(UnifiedSocialCreditCode.Validate(code));
    }

    [Fact]
    public void The_check_character_agrees_with_the_standard_for_many_codes()
    {
        var random = new Random(32100);
        var mismatches = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            var first17 = new string(Enumerable.Range(0, 17).Select(_ => Reference.Alphabet[random.Next(Reference.Alphabet.Length)]).ToArray());
            if (UnifiedSocialCreditCode.CheckCharacter(first17) != Reference.CheckCharacter(first17))
            {
                mismatches.Add(first17);
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("11110000000000003")]
    [InlineData("1211010540000000G")]
    public void A_remainder_of_zero_gives_the_check_character_0(string first17)
    {
        // 31 - 0 = 31, which the standard maps to '0'.
        Assert.Equal(0, Reference.WeightedSum(first17) % 31);
        Assert.Equal('0', UnifiedSocialCreditCode.CheckCharacter(first17));
        Assert.True(UnifiedSocialCreditCode.IsValid(first17 + "0"));
    }

    [Fact]
    public void Any_single_mistyped_character_is_caught()
    {
        const string valid = "914403001922038216";
        var accepted = new List<string>();
        for (var i = 0; i < 18; i++)
        {
            foreach (var c in Reference.Alphabet.Where(c => c != valid[i]))
            {
                var typo = string.Concat(valid.AsSpan(0, i), c.ToString(), valid.AsSpan(i + 1));
                if (UnifiedSocialCreditCode.IsValid(typo))
                {
                    accepted.Add(typo);
                }
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void A_wrong_check_character_is_refused_naming_the_expected_one()
    {
        var message = UnifiedSocialCreditCode.Validate("914403001922038217");

        Assert.NotNull(message);
        Assert.Contains("第 18 位应为“6”，输入的是“7”", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("91440300192203821", 17)]
    [InlineData("9144030019220382161", 19)]
    [InlineData("9", 1)]
    public void A_code_of_the_wrong_length_is_refused(string code, int length)
    {
        var message = UnifiedSocialCreditCode.Validate(code);

        Assert.Equal($"统一社会信用代码应为 18 位，输入的是 {length} 位。", message);
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    public void A_letter_the_standard_leaves_out_is_refused(char letter)
    {
        var code = "914403001" + letter + "22038216";

        var message = UnifiedSocialCreditCode.Validate(code);

        Assert.NotNull(message);
        Assert.Contains($"第 10 位“{letter}”不是允许的字符", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lower_case_letters_are_refused_until_normalized()
    {
        const string typed = "  9144030071526726xg ";

        Assert.Contains("第 17 位“x”不是允许的字符", UnifiedSocialCreditCode.Validate(typed), StringComparison.Ordinal);
        Assert.Equal("9144030071526726XG", UnifiedSocialCreditCode.Normalize(typed));
        Assert.True(UnifiedSocialCreditCode.IsValid(UnifiedSocialCreditCode.Normalize(typed)));
    }

    [Fact]
    public void Surrounding_spaces_are_ignored()
    {
        Assert.True(UnifiedSocialCreditCode.IsValid(" 914403001922038216 "));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    public void A_letter_in_the_administrative_division_is_refused(int position)
    {
        // Built with a correct check character so that only the division is wrong.
        var chars = "11110000MB0123456".ToCharArray();
        chars[position] = 'A';
        var first17 = new string(chars);

        var message = UnifiedSocialCreditCode.Validate(first17 + Reference.CheckCharacter(first17));

        Assert.Equal("统一社会信用代码第 3–8 位是行政区划码，应为数字。", message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_code_is_refused(string? code)
    {
        Assert.Equal("统一社会信用代码不能为空。", UnifiedSocialCreditCode.Validate(code));
        Assert.False(UnifiedSocialCreditCode.IsValid(code));
    }

    [Theory]
    [InlineData("9144030019220382")] // 16
    [InlineData("914403001922038216")] // 18
    [InlineData("9144030019220382O")] // 17, with a letter the standard leaves out
    public void The_check_character_needs_seventeen_allowed_characters(string first17)
    {
        var e = Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.CheckCharacter(first17));

        Assert.Equal("first17", e.ParamName);
    }

    /// <summary>GB 32100-2015, written out again from the standard so the product is not checked against itself.</summary>
    private static class Reference
    {
        public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

        public static int WeightedSum(string first17) => first17.Select((c, i) => Alphabet.IndexOf(c, StringComparison.Ordinal) * Weights[i]).Sum();

        public static char CheckCharacter(string first17)
        {
            var check = 31 - (WeightedSum(first17) % 31);
            return check == 31 ? '0' : Alphabet[check];
        }
    }
}
