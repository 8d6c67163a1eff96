using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Web.Agencies;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Web.Api.Problems;

namespace Gongkai.Web.Api;

/// <summary><c>/api/agencies</c>: the active agencies are public; adding or moving one needs an administrator over the place it goes.</summary>
public static class AgenciesApi
{
    public sealed record AgencyDto(int Id, string FullName, string ShortName, string CreditCode, AgencyLevel Level, int? ParentId, bool IsActive, ContactDto Contact)
    {
        public static AgencyDto From(Agency a) => new(a.Id, a.FullName, a.ShortName, a.CreditCode, a.Level, a.ParentId, a.IsActive,
            new ContactDto(a.Contact.OfficeName, a.Contact.Address, a.Contact.Postcode, a.Contact.Phone, a.Contact.OfficeHours, a.Contact.Email));
    }

    public sealed record ContactDto(string? OfficeName, string? Address, string? Postcode, string? Phone, string? OfficeHours, string? Email);

    public static void MapAgenciesApi(this IEndpointRouteBuilder api)
    {
        var agencies = api.MapGroup("/agencies").WithTags("机关");
        agencies.MapGet("/", ListAgencies).WithSummary("启用中的机关（公开信息）");
        agencies.MapGet("/{id:int}", GetAgency).WithSummary("一个机关（公开信息）");
        agencies.MapPost("/", CreateAgency).RequireAuthorization(StaffPolicies.Administrator).WithSummary("新增机关（管理员）");
        agencies.MapPut("/{id:int}", UpdateAgency).RequireAuthorization(StaffPolicies.Administrator).WithSummary("修改或移动机关（管理员）");
    }

    private static async Task<Ok<List<AgencyDto>>> ListAgencies(GongkaiDbContext db, CancellationToken ct)
    {
        var list = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(list.Select(AgencyDto.From).ToList());
    }

    private static async Task<Results<Ok<AgencyDto>, ProblemHttpResult>> GetAgency(int id, GongkaiDbContext db, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.IsActive, ct);
        return agency is null ? NotFound($"没有编号为 {id} 的机关。") : TypedResults.Ok(AgencyDto.From(agency));
    }

    private static async Task<Results<Created<AgencyDto>, ValidationProblem, ProblemHttpResult>> CreateAgency(
        AgencyInput input, HttpContext http, StaffAuthorization authz, AgencyCommands commands, CancellationToken ct)
    {
        if (!await MayPlaceUnderAsync(http, authz, input.ParentId))
        {
            return Forbidden("只能在本机关及其下级机关范围内新增机关；新增顶级机关需要平台管理员。");
        }

        var result = await commands.CreateAsync(input, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/agencies/{result.Agency!.Id}", AgencyDto.From(result.Agency))
            : Invalid(result.Errors);
    }

    private static async Task<Results<Ok<AgencyDto>, ValidationProblem, ProblemHttpResult>> UpdateAgency(
        int id, AgencyInput input, HttpContext http, StaffAuthorization authz, AgencyCommands commands, CancellationToken ct)
    {
        if (!await authz.MayAsync(http.User, StaffOperations.Administration.Administer, id))
        {
            return Forbidden("该机关不在您的管理范围内。");
        }

        if (!await MayPlaceUnderAsync(http, authz, input.ParentId))
        {
            return Forbidden("只能把机关移到本机关管理范围内的上级机关之下。");
        }

        var result = await commands.UpdateAsync(id, input, ct);
        return result.IsNotFound ? NotFound($"没有编号为 {id} 的机关。")
            : result.Succeeded ? TypedResults.Ok(AgencyDto.From(result.Agency!))
            : Invalid(result.Errors);
    }

    private static async Task<bool> MayPlaceUnderAsync(HttpContext http, StaffAuthorization authz, int? parentId) =>
        parentId is { } p ? await authz.MayAsync(http.User, StaffOperations.Administration.Administer, p) : StaffAccess.IsPlatformAdministrator(http.User);
}
