namespace Gongkai.Web.Api;

/// <summary>
/// The JSON API under <c>/api</c>, one class per feature. Reads of public information are open; changes need a staff
/// cookie and the right role and agency. The order here is the order of the OpenAPI document.
/// </summary>
public static class GongkaiApi
{
    public static IEndpointRouteBuilder MapGongkaiApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapAgenciesApi();
        api.MapCalendarApi();
        api.MapRequestsApi();
        api.MapReportsApi();
        api.MapCheckApi();
        api.MapSearchApi();
        api.MapStatisticsApi();
        api.MapClockApi();
        api.MapPublicationsApi();
        api.MapAuditApi();
        return app;
    }
}
