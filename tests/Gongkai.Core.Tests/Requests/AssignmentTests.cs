using System.Text.Json;
using Gongkai.Core.Requests;
using static Gongkai.Core.Tests.Requests.RequestBuilder;

namespace Gongkai.Core.Tests.Requests;

/// <summary>分办 and 改派: a request given to a handler, and to another only with the reason.</summary>
public sealed class AssignmentTests
{
    private static readonly Actor Li = new("li", "承办人小李");
    private static readonly Actor Wang = new("wang", "承办人小王");

    [Fact]
    public void A_request_is_assigned_then_reassigned_with_the_reason_kept_in_its_history()
    {
        var request = InPerson("2024-03-04", ApplicantType.NaturalPerson);

        request.Assign(On("2024-03-04", Clerk), Li, null);
        request.Assign(On("2024-03-06", Head), Wang, "小李出差两周");

        Assert.Equal(Wang, request.Handler);
        var reassigned = Assert.IsType<HandlerAssigned>(request.History[^1]);
        Assert.Equal("小李出差两周", reassigned.Reason);
        var replayed = InformationRequest.Replay(JsonSerializer.Deserialize<List<RequestEvent>>(JsonSerializer.Serialize(request.History.ToList()))!);
        Assert.Equal(Wang, replayed.Handler);
    }

    [Fact]
    public void Reassigning_needs_a_reason_and_a_different_handler_and_a_closed_request_is_not_assigned()
    {
        var request = InPerson("2024-03-04", ApplicantType.NaturalPerson);
        request.Assign(On("2024-03-04", Clerk), Li, null);

        Assert.Contains("改派给其他承办人时，请写明改派理由", Assert.Throws<RequestRuleException>(() => request.Assign(On("2024-03-05", Clerk), Wang, " ")).Message);
        Assert.Contains("已由承办人小李承办", Assert.Throws<RequestRuleException>(() => request.Assign(On("2024-03-05", Clerk), Li, "再次分办")).Message);

        request.Decide(On("2024-03-08"), Outcome.Disclosed, null, null);
        Assert.Contains("申请已办结", Assert.Throws<RequestRuleException>(() => request.Assign(On("2024-03-09", Clerk), Wang, "补办")).Message);
        Assert.Equal(Li, request.Handler);
    }
}
