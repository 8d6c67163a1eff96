using Gongkai.Core.Requests;

namespace Gongkai.Core.Tests.Requests;

public sealed class IdentityDocumentTypeTests
{
    [Theory]
    [InlineData(IdentityDocumentType.ResidentIdCard, "居民身份证")]
    [InlineData(IdentityDocumentType.Passport, "护照")]
    [InlineData(IdentityDocumentType.UnifiedSocialCreditCode, "统一社会信用代码")]
    [InlineData(IdentityDocumentType.Other, "其他证件")]
    public void Each_document_type_has_its_chinese_name(IdentityDocumentType type, string name)
    {
        Assert.Equal(name, type.DisplayName());
    }

    [Fact]
    public void No_two_document_types_share_a_name()
    {
        var names = Enum.GetValues<IdentityDocumentType>().Select(t => t.DisplayName()).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }
}
