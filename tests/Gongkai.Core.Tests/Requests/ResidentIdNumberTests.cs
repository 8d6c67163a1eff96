using System.Globalization;
using Gongkai.Core.Requests;

namespace Gongkai.Core.Tests.Requests;

public sealed class ResidentIdNumberTests
{
    [Fact]
    public void The_standards_example_with_check_character_X_is_valid()
    {
        const string number = "11010519491231002X"; // GB 11643-1999's own example

        // The check character is recomputed by the independent reference, not taken on trust.
        Assert.Equal('X', Reference.CheckCharacter(number[..17]));
        Assert.Null(ResidentIdNumber.Validate(number));
        Assert.True(ResidentIdNumber.IsValid(number));
    }

    [Fact]
    public void The_standards_example_born_in_1880_is_refused_for_its_date_only()
    {
        // GB 11643-1999's other example has a correct check character, but no applicant alive was born before
        // 1900, so the date range refuses it (a decision, not the standard).
        const string number = "440524188001010014";

        Assert.Equal('4', Reference.CheckCharacter(number[..17]));
        Assert.Equal("身份证号码第 7–14 位应为出生日期，“18800101”不在 1900 年至 2100 年之间。", ResidentIdNumber.Validate(number));
    }

    [Fact]
    public void Numbers_built_from_random_prefixes_with_real_birth_dates_are_valid()
    {
        var random = new Random(11643);
        var refused = new List<string>();
        var checkCharacters = new HashSet<char>();
        for (var i = 0; i < 2000; i++)
        {
            var number = Reference.RandomNumber(random);
            checkCharacters.Add(number[17]);
            if (ResidentIdNumber.Validate(number) is not null || ResidentIdNumber.CheckCharacter(number.AsSpan(0, 17)) != number[17])
            {
                refused.Add(number);
            }
        }

        Assert.Empty(refused);
        // All eleven check characters, 'X' among them, were exercised.
        Assert.Equal(11, checkCharacters.Count);
    }

    [Fact]
    public void A_number_whose_check_character_is_X_is_valid()
    {
        var random = new Random(7064);
        string number;
        do
        {
            number = Reference.RandomNumber(random);
        }
        while (number[17] != 'X');

        Assert.Null(ResidentIdNumber.Validate(number));
    }

    [Fact]
    public void A_lower_case_x_is_accepted_and_normalized_to_upper_case()
    {
        const string typed = " 11010519491231002x ";

        Assert.Null(ResidentIdNumber.Validate(typed));
        Assert.Equal("11010519491231002X", ResidentIdNumber.Normalize(typed));
    }

    [Theory]
    [InlineData("11010519491231002", 17)]
    [InlineData("11010519491231002X1", 19)]
    [InlineData("1101", 4)]
    public void A_number_of_the_wrong_length_is_refused(string number, int length)
    {
        Assert.Equal($"身份证号码应为 18 位，输入的是 {length} 位。", ResidentIdNumber.Validate(number));
    }

    [Fact]
    public void A_first_generation_15_digit_number_is_refused_with_a_hint()
    {
        var message = ResidentIdNumber.Validate("110105491231002");

        Assert.NotNull(message);
        Assert.StartsWith("身份证号码应为 18 位，输入的是 15 位。", message, StringComparison.Ordinal);
        Assert.Contains("第一代", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1101051949123100AX", "第 17 位是“A”")]
    [InlineData("X10105194912310024", "第 1 位是“X”")]
    [InlineData("110105 949123100２X", "第 7 位是“ ”")]
    public void A_letter_among_the_first_17_is_refused(string number, string where)
    {
        var message = ResidentIdNumber.Validate(number);

        Assert.NotNull(message);
        Assert.StartsWith("身份证号码前 17 位应为数字", message, StringComparison.Ordinal);
        Assert.Contains(where, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_position_other_than_a_digit_or_X_is_refused()
    {
        Assert.Equal("身份证号码第 18 位应为数字或 X，输入的是“Y”。", ResidentIdNumber.Validate("11010519491231002Y"));
    }

    [Theory]
    [InlineData("19990230")] // no 30 February
    [InlineData("19990229")] // 1999 is not a leap year
    [InlineData("19991301")]
    [InlineData("19990001")]
    [InlineData("19990100")]
    public void A_birth_date_that_does_not_exist_is_refused(string birth)
    {
        // Built with the right check character, so only the date is wrong.
        var number = Reference.Complete("110105" + birth + "002");

        var message = ResidentIdNumber.Validate(number);

        Assert.Equal($"身份证号码第 7–14 位应为出生日期，“{birth}”不是有效的日期。", message);
    }

    [Theory]
    [InlineData("18991231")]
    [InlineData("21010101")]
    public void A_birth_date_outside_1900_to_2100_is_refused(string birth)
    {
        var message = ResidentIdNumber.Validate(Reference.Complete("110105" + birth + "002"));

        Assert.Equal($"身份证号码第 7–14 位应为出生日期，“{birth}”不在 1900 年至 2100 年之间。", message);
    }

    [Theory]
    [InlineData("20000229")] // 2000 is a leap year
    [InlineData("19000101")]
    [InlineData("21001231")]
    public void A_birth_date_at_the_edges_is_accepted(string birth)
    {
        Assert.Null(ResidentIdNumber.Validate(Reference.Complete("110105" + birth + "002")));
    }

    [Fact]
    public void A_wrong_check_character_is_refused_naming_the_expected_one()
    {
        var message = ResidentIdNumber.Validate("110105194912310025");

        Assert.Equal("身份证号码校验位不符：按 GB 11643-1999 计算，第 18 位应为“X”，输入的是“5”。请核对号码是否抄错。", message);
    }

    [Fact]
    public void Any_single_mistyped_digit_is_caught()
    {
        const string valid = "11010519491231002X";
        var accepted = new List<string>();
        for (var i = 0; i < 18; i++)
        {
            foreach (var c in "0123456789X".Where(c => c != valid[i]))
            {
                var typo = string.Concat(valid.AsSpan(0, i), c.ToString(), valid.AsSpan(i + 1));
                if (ResidentIdNumber.IsValid(typo))
                {
                    accepted.Add(typo);
                }
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void Swapping_two_adjacent_different_characters_is_caught()
    {
        var random = new Random(2);
        var accepted = new List<string>();
        for (var k = 0; k < 200; k++)
        {
            var chars = Reference.RandomNumber(random).ToCharArray();
            for (var i = 0; i < 17; i++)
            {
                if (chars[i] != chars[i + 1])
                {
                    var swapped = (char[])chars.Clone();
                    (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                    if (ResidentIdNumber.IsValid(new string(swapped)))
                    {
                        accepted.Add(new string(swapped));
                    }
                }
            }
        }

        Assert.Empty(accepted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_number_is_refused(string? number)
    {
        Assert.Equal("身份证号码不能为空。", ResidentIdNumber.Validate(number));
        Assert.False(ResidentIdNumber.IsValid(number));
    }

    [Theory]
    [InlineData("11010519491231002X", "110***********002X")]
    [InlineData(" 11010519491231002x", "110***********002X")]
    [InlineData("440524188001010014", "440***********0014")] // masking does not validate
    public void A_masked_number_shows_its_first_3_and_last_4_characters_and_keeps_its_length(string number, string masked)
    {
        Assert.Equal(masked, ResidentIdNumber.Mask(number));
        Assert.Equal(18, ResidentIdNumber.Mask(number).Length);
    }

    [Fact]
    public void A_masked_short_string_shows_nothing()
    {
        Assert.Equal("*******", ResidentIdNumber.Mask("1101051"));
    }

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("11010519491231002X")]
    [InlineData("1101051949123100A")]
    public void The_check_character_needs_seventeen_digits(string first17)
    {
        var e = Assert.Throws<ArgumentException>(() => ResidentIdNumber.CheckCharacter(first17));

        Assert.Equal("first17", e.ParamName);
    }

    /// <summary>
    /// ISO 7064 MOD 11-2 from its definition, not from the product's tables: weight of position i (counted from the
    /// right, check character at i = 1) is 2^(i−1) mod 11, and the check value a₁ makes Σ aᵢ·Wᵢ ≡ 1 (mod 11).
    /// </summary>
    private static class Reference
    {
        private static readonly DateOnly First = new(1900, 1, 1);
        private static readonly DateOnly Last = new(2100, 12, 31);

        public static char CheckCharacter(string first17)
        {
            var sum = 0;
            for (var i = 0; i < 17; i++)
            {
                var weight = 1;
                for (var k = 0; k < 17 - i; k++)
                {
                    weight = weight * 2 % 11;
                }

                sum += (first17[i] - '0') * weight;
            }

            for (var value = 0; value <= 10; value++)
            {
                if ((sum + value) % 11 == 1)
                {
                    return value == 10 ? 'X' : (char)('0' + value);
                }
            }

            throw new InvalidOperationException("unreachable: some value in 0..10 solves the congruence");
        }

        public static string Complete(string first17) => first17 + CheckCharacter(first17);

        public static string RandomNumber(Random random)
        {
            var born = DateOnly.FromDayNumber(random.Next(First.DayNumber, Last.DayNumber + 1));
            var first17 = random.Next(110000, 660000).ToString(CultureInfo.InvariantCulture)
                + born.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                + random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
            return Complete(first17);
        }
    }
}
