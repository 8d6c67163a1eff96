namespace Gongkai.IntegrationTests.TestSupport;

/// <summary>The public application form as a browser posts it: a natural person's valid application.</summary>
public static class ApplicationForms
{
    public static Dictionary<string, string> Fields(int agencyId, string title, string idNumber = "11010519491231002X") => new()
    {
        ["AgencyId"] = $"{agencyId}",
        ["Form.ApplicantType"] = "NaturalPerson",
        ["Form.ApplicantName"] = "张三",
        ["Form.IdType"] = "ResidentIdCard",
        ["Form.IdNumber"] = idNumber,
        ["Form.Phone"] = "138-0013-8000",
        ["Form.Email"] = "zhang@example.com",
        ["Form.Address"] = "示例区人民路 1 号",
        ["Form.Postcode"] = "999001",
        ["Form.InformationTitle"] = title,
        ["Form.ProvisionForm"] = "Electronic",
        ["Form.ObtainMethod"] = "Online",
    };
}
