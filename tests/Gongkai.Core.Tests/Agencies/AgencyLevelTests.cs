using Gongkai.Core.Agencies;

namespace Gongkai.Core.Tests.Agencies;

public sealed class AgencyLevelTests
{
    [Theory]
    [InlineData(AgencyLevel.Government, "人民政府")]
    [InlineData(AgencyLevel.Department, "部门")]
    [InlineData(AgencyLevel.Township, "乡镇（街道）")]
    public void Each_level_has_a_chinese_display_name(AgencyLevel level, string name)
    {
        Assert.Equal(name, level.DisplayName());
    }

    [Fact]
    public void Every_level_has_a_display_name()
    {
        Assert.All(Enum.GetValues<AgencyLevel>(), level => Assert.False(string.IsNullOrWhiteSpace(level.DisplayName())));
    }
}
