using Gongkai.Core.Requests;

namespace Gongkai.Core.Tests.Requests;

public sealed class RequestApplicationTests
{
    // 11010519491231002X: a well-formed resident ID (check character X).
    private static readonly RequestApplication Valid = new()
    {
        ApplicantType = ApplicantType.NaturalPerson,
        ApplicantName = "张三",
        IdType = IdentityDocumentType.ResidentIdCard,
        IdNumber = "11010519491231002X",
        Phone = "138-0013-8000",
        Email = "zhang@example.com",
        Address = "示例区人民路 1 号",
        Postcode = "999001",
        InformationTitle = "2024 年示例区老旧小区改造项目清单",
        ProvisionForm = ProvisionForm.Electronic,
        ObtainMethod = ObtainMethod.Email,
    };

    [Fact]
    public void A_complete_application_has_no_errors()
    {
        Assert.Empty(Valid.Validate());
    }

    [Fact]
    public void Missing_and_invalid_fields_are_each_named_in_chinese()
    {
        var errors = (Valid with { ApplicantName = " ", IdNumber = "110105194912310021", Phone = "", InformationTitle = null, Postcode = "12345" }).Validate();

        Assert.Equal("请填写申请人姓名。", errors["ApplicantName"]);
        Assert.Contains("校验位不符", errors["IdNumber"], StringComparison.Ordinal);
        Assert.Contains("后四位", errors["Phone"], StringComparison.Ordinal);
        Assert.Equal("请填写所需政府信息的名称。", errors["InformationTitle"]);
        Assert.Equal("邮政编码应为 6 位数字。", errors["Postcode"]);
    }

    [Fact]
    public void Organizations_give_a_credit_code_and_a_contact_person()
    {
        var organization = Valid with { ApplicantType = ApplicantType.Business, ApplicantName = "示例科技有限公司" };

        var errors = organization.Validate();
        var fixedUp = (organization with { IdType = IdentityDocumentType.UnifiedSocialCreditCode, IdNumber = "914403001922038216", ContactPerson = "李四" }).Validate();

        Assert.Contains("统一社会信用代码", errors["IdType"], StringComparison.Ordinal);
        Assert.Equal("请填写联系人姓名。", errors["ContactPerson"]);
        Assert.Empty(fixedUp);
    }

    [Fact]
    public void The_way_of_obtaining_needs_its_address()
    {
        Assert.Equal("选择邮寄的，请填写通信地址。", (Valid with { ObtainMethod = ObtainMethod.Mail, Address = null }).Validate()["Address"]);
        Assert.Equal("选择电子邮件的，请填写电子邮箱。", (Valid with { Email = null }).Validate()["Email"]);
    }

    [Theory]
    [InlineData("138-0013-8000", "8000")]
    [InlineData("0999 1234567", "4567")]
    public void The_phone_tail_is_its_last_four_digits(string phone, string tail)
    {
        Assert.Equal(tail, RequestApplication.PhoneTail(phone));
    }
}
