using Gongkai.Core.Requests;

namespace Gongkai.Core.Tests.Requests;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData(" 13812345678 ", "138****5678")]
    [InlineData("138 1234 5678", "138****5678")]
    [InlineData("138-1234-5678", "138****5678")]
    public void A_mobile_number_shows_its_first_3_and_last_4_digits(string phone, string masked)
    {
        Assert.Equal(masked, PersonalData.MaskPhone(phone));
    }

    [Theory]
    [InlineData("010-87654321", "***-****4321")]
    [InlineData("(0571) 8765-4321", "(****) ****-4321")]
    [InlineData("23812345678", "*******5678")] // 11 digits, but no mobile number starts with 2
    [InlineData("+86 13812345678", "+** *******5678")]
    [InlineData("0571-87654321转8001", "****-*********8001")]
    public void Another_number_shows_only_its_last_4_digits_and_its_separators(string phone, string masked)
    {
        Assert.Equal(masked, PersonalData.MaskPhone(phone));
    }

    [Fact]
    public void Something_other_than_a_number_in_the_phone_field_is_masked_too()
    {
        Assert.Equal("*****@**3.com", PersonalData.MaskPhone("zhang@163.com"));
    }

    [Theory]
    [InlineData("110")]
    [InlineData("")]
    public void A_number_of_4_digits_or_fewer_has_nothing_to_hide(string phone)
    {
        Assert.Equal(phone, PersonalData.MaskPhone(phone));
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
}
