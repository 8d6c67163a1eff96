using Deque.AxeCore.Playwright;
using Gongkai.BrowserTests.Support;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Gongkai.Infrastructure.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.BrowserTests.Pages.Admin.Requests;

/// <summary>
/// Art. 44 in the office: three applicants asked for the same 文号 document; the head of the office sees them as a
/// group with the suggestion to publish it, publishes a document for the group, and the requests are linked to it; a
/// fourth applicant who asks later is answered in one step by pointing to the published document.
/// </summary>
public sealed class SameInformationPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Title = "关于示例区既有住宅加装电梯财政补贴办法的通知";
    private const string Number = "示政办发〔2026〕19号";

    [ChromiumFact]
    public async Task An_office_sees_a_group_of_same_information_requests_and_publishes_for_it()
    {
        var ids = new List<long>();
        foreach (var (name, passport, title) in new[]
        {
            ("周一", "E20000001", Title),
            ("吴二", "E20000002", "既有住宅加装电梯财政补贴办法全文"),
            ("郑三", "E20000003", "请公开" + Title),
        })
        {
            ids.Add(await NewRequestAsync(name, passport, title));
        }

        await fixture.CreateStaffAsync("same-head", "审核人老陈", "Same-pass-1", StaffRoles.Approver);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync("same-head");
        await page.GetByLabel("密码").FillAsync("Same-pass-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("工作台");

        // The request list leads to the groups; the group shows its requests, masked, and the suggestion.
        await page.GotoAsync("/admin/requests");
        await page.GetByRole(AriaRole.Link, new() { Name = "相同政府信息的申请（第四十四条）" }).ClickAsync();
        var group = page.Locator("section.same-information", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = Title, Exact = true }) });
        await Expect(group).ToContainTextAsync("3 件申请，3 个申请人");
        await Expect(group).ToContainTextAsync("多个申请人就相同政府信息提出申请，建议依据《条例》第四十四条纳入主动公开范围");
        await Expect(group.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(group).Not.ToContainTextAsync("周一");
        await Expect(group).Not.ToContainTextAsync("E20000001");
        await Screenshots.SaveAsync(page, "same-information-group.png");
        var axe = await page.RunAxe();
        Assert.NotEmpty(axe.Passes);
        Assert.DoesNotContain(axe.Violations, v => v.Impact is "critical" or "serious");

        // Publish for the group: the new document starts from the representative request, and is reviewed and published.
        await group.GetByRole(AriaRole.Link, new() { Name = "为此组主动公开" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("本文件为 3 件相同政府信息的申请起草");
        await Expect(page.GetByLabel("标题", new() { Exact = true })).ToHaveValueAsync(Title);
        await Expect(page.GetByLabel("文号", new() { Exact = true })).ToHaveValueAsync(Number);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存为草稿" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/admin/publications/\d+$"));
        var publicationId = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        using (var scope = fixture.Service<IServiceScopeFactory>().CreateScope())
        {
            // 先审查、后公开: the review is another approver's.
            Assert.True((await scope.ServiceProvider.GetRequiredService<PublicationStore>().ReviewAsync(publicationId, "经保密审查，可以公开。", "same-reviewer")).Succeeded);
        }

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("已发布。");

        // The group is now linked to the published document.
        await page.GotoAsync("/admin/requests/same-information");
        await Expect(group).ToContainTextAsync($"已主动公开：《{Title}》，本组申请已关联该文件。");
        using (var scope = fixture.Service<IServiceScopeFactory>().CreateScope())
        {
            var links = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().SameInformationLinks.AsNoTracking()
                .Where(l => ids.Contains(l.RequestId)).ToListAsync();
            Assert.Equal(3, links.Count);
            Assert.All(links, l => Assert.True(l.PublicationId == publicationId && l.LinkedOn is not null && l.LinkedBy == "same-head"));
        }

        // A fourth applicant asks later: the request page points to the document and answers in one step.
        var later = await NewRequestAsync("王四", "E20000004", "既有住宅加装电梯补贴办法");
        await page.GotoAsync($"/admin/requests/{later}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"该信息已主动公开：《{Title}》" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "答复：已主动公开，告知获取方式" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已记录：作出答复");
        await Expect(page.Locator("main")).ToContainTextAsync($"已主动公开的文件（第 {publicationId} 号）");
    }

    /// <summary>A request for <see cref="Number"/> registered in person at 示例区人民政府办公室 today, through the store.</summary>
    private async Task<long> NewRequestAsync(string name, string passport, string title)
    {
        using var scope = fixture.Service<IServiceScopeFactory>().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<RequestStore>();
        var office = await db.Agencies.AsNoTracking().SingleAsync(a => a.FullName == "示例区人民政府办公室");
        var application = new RequestApplication
        {
            ApplicantType = ApplicantType.NaturalPerson,
            ApplicantName = name,
            IdType = IdentityDocumentType.Passport,
            IdNumber = passport,
            Phone = "13900139000",
            InformationTitle = title,
            DocumentNumber = Number,
            ProvisionForm = ProvisionForm.Paper,
            ObtainMethod = ObtainMethod.PickUp,
        };
        var created = await store.CreateAsync(office.Id, application, Channel.InPerson, new Actor("browser-clerk", "登记员"), store.Today(), null, []);
        return created.Record.Id;
    }
}
