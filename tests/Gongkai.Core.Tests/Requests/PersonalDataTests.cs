using Gongkai.Core.Requests;

namespace Gongkai.Core.Tests.Requests;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("13812345678", "138********")]
    [InlineData(" 13812345678 ", "138********")]
    [InlineData("138 1234 5678", "138********")]
    [InlineData("138-1234-5678", "138********")]
    public void A_mobile_number_shows_only_its_first_3_digits(string phone, string masked)
    {
        Assert.Equal(masked, PersonalData.MaskPhone(phone));
    }

    [Theory]
    [InlineData("010-87654321", "010-********")]
    [InlineData("(0571) 8765-4321", "(057*) ****-****")]
    [InlineData("23812345678", "238********")] // 11 digits, but no mobile number starts with 2
    [InlineData("+86 13812345678", "+86 1**********")]
    [InlineData("0571-87654321转8001", "057*-*************")]
    public void Another_long_number_shows_only_its_first_3_characters_and_its_separators(string phone, string masked)
    {
        Assert.Equal(masked, PersonalData.MaskPhone(phone));
    }

    [Theory]
    [InlineData("87654321", "********")]
    [InlineData("0571-876543", "****-******")]
    [InlineData("110", "***")]
    [InlineData("", "")]
    public void A_short_number_is_masked_whole(string phone, string masked)
    {
        Assert.Equal(masked, PersonalData.MaskPhone(phone));
    }

    [Fact]
    public void Something_other_than_a_number_in_the_phone_field_is_masked_too()
    {
        Assert.Equal("*****@***.***", PersonalData.MaskPhone("zhang@163.com"));
    }

    /// <summary>The last four digits, with the tracking code shown beside them, are the applicant's /track credential.</summary>
    [Theory]
    [InlineData("13812345678")]
    [InlineData("138-1234-5678")]
    [InlineData("010-87654321")]
    [InlineData("+86 13812345678")]
    [InlineData("0571-87654321转8001")]
    [InlineData("138abcdefgh5678")]
    [InlineData("1389")]
    [InlineData("12345")]
    public void A_masked_phone_never_shows_a_digit_of_the_last_four(string phone)
    {
        var masked = PersonalData.MaskPhone(phone);
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var shown = new string(masked.Where(char.IsAsciiDigit).ToArray());

        Assert.StartsWith(shown, digits, StringComparison.Ordinal);
        Assert.True(shown.Length == 0 || digits.Length - shown.Length >= 8, $"{phone} → {masked}");
    }

    [Theory]
    [InlineData("zhang@example.com", "z****@example.com")]
    [InlineData(" li@163.com ", "l****@163.com")]
    [InlineData("not-an-address", "n****")]
    [InlineData("", "")]
    public void An_email_address_shows_its_first_letter_and_its_domain(string email, string masked)
    {
        Assert.Equal(masked, PersonalData.MaskEmail(email));
    }

    [Theory]
    [InlineData("北京市东城区景山前街4号", "北京市东城区****")]
    [InlineData(" 广东省深圳市南山区科技园 ", "广东省深圳市****")]
    [InlineData("北京市东城区", "北京****")] // six characters would show it whole
    [InlineData("东城区", "东城****")]
    [InlineData("", "")]
    public void An_address_shows_only_its_beginning(string address, string masked)
    {
        Assert.Equal(masked, PersonalData.MaskAddress(address));
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_never_cut_in_half()
    {
        // 𠀀 (U+20000) is two UTF-16 units; six characters here are nine units.
        const string address = "𠀀𠀀𠀀村一组7号";

        Assert.Equal("𠀀𠀀𠀀村一组****", PersonalData.MaskAddress(address));
        Assert.Equal("𠀀𠀀****", PersonalData.MaskAddress("𠀀𠀀𠀀"));
    }

    [Fact]
    public void A_placeholder_in_place_of_a_value_is_shown_as_it_is()
    {
        Assert.Equal("（台账未记录）", PersonalData.MaskPhone(PersonalData.NotRecorded));
        Assert.Equal("（台账未记录）", PersonalData.MaskName(PersonalData.NotRecorded));
        Assert.Equal("（台账未记录）", PersonalData.MaskAddress(" （台账未记录） "));
        Assert.Equal("（台账未记录）", PersonalData.MaskEmail(PersonalData.NotRecorded));
        Assert.Equal("（台账未记录）", ResidentIdNumber.Mask(PersonalData.NotRecorded));
        Assert.Equal("（台账未记录）", IdentityDocument.Mask(IdentityDocumentType.Passport, PersonalData.NotRecorded));

        // A value in brackets with a digit in it is a value: masked as usual.
        Assert.Equal("（099*）********", PersonalData.MaskPhone("（0999）12345678"));
    }
}
