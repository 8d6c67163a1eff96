namespace Gongkai.Core.Agencies;

/// <summary>Where an agency stands in the tree of a 集约化 government-website platform.</summary>
public enum AgencyLevel
{
    /// <summary>人民政府 (a district or county government, or a higher one).</summary>
    Government,
    /// <summary>政府工作部门 and other departments, including the government's own office.</summary>
    Department,
    /// <summary>乡镇人民政府 / 街道办事处.</summary>
    Township,
}

public static class AgencyLevels
{
    public static string DisplayName(this AgencyLevel level) => level switch
    {
        AgencyLevel.Government => "人民政府",
        AgencyLevel.Department => "部门",
        AgencyLevel.Township => "乡镇（街道）",
    };

    /// <summary>The heading over the agencies of this level on the portal's home page, where "部门" alone would not say whose.</summary>
    public static string PortalHeading(this AgencyLevel level) => level switch
    {
        AgencyLevel.Government => "人民政府",
        AgencyLevel.Department => "政府部门",
        AgencyLevel.Township => "乡镇（街道）",
    };
}
