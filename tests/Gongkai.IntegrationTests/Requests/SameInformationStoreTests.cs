using Gongkai.Core.Publications;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Publications;
using Gongkai.Infrastructure.Requests;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Requests;

/// <summary>
/// Art. 44 in the store: a group of requests from several applicants for one document is found, linked to the document
/// published for it with its audit entry, refused (nothing written) when it may not be, pointed to by later requests,
/// and counted in the annual report's narrative.
/// </summary>
public sealed class SameInformationStoreTests
{
    private const string Number = "示政办发〔2026〕7号";

    /// <summary>Three applicants (distinct identity documents) asking the agency for the document <see cref="Number"/>.</summary>
    internal static async Task<List<long>> ThreeApplicantsAsync(GongkaiApp app, int agencyId, string number = Number)
    {
        var ids = new List<long>();
        foreach (var (name, passport, title) in new[]
        {
            ("张三丰", "E10000001", "关于老旧小区加装电梯补贴的通知"),
            ("李四海", "E10000002", "老旧小区加装电梯补贴通知全文"),
            ("王五岳", "E10000003", "请公开关于老旧小区加装电梯补贴的通知"),
        })
        {
            ids.Add(await app.NewRequestAsync(agencyId, title, a => a with
            {
                ApplicantName = name,
                IdType = IdentityDocumentType.Passport,
                IdNumber = passport,
                DocumentNumber = number,
            }));
        }

        return ids;
    }

    private static async Task<T> WithStoreAsync<T>(GongkaiApp app, Func<SameInformationStore, GongkaiDbContext, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<SameInformationStore>(), scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
    }

    private static DateOnly Today(GongkaiApp app) => ChinaDate.Today(app.Services.GetRequiredService<TimeProvider>());

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Three_applicants_asking_for_one_document_are_a_group_and_linking_it_saves_the_links_with_an_audit_entry(Db db)
    {
        var app = GongkaiApp.For(db);
        var agency = await app.NewAgencyAsync(null);
        var ids = await ThreeApplicantsAsync(app, agency.Id);
        var today = Today(app);
        var scope = new HashSet<int> { agency.Id };

        var groups = await WithStoreAsync(app, (s, _) => s.GroupsAsync(scope, today.AddYears(-1), today));
        var group = Assert.Single(groups);
        Assert.Equal(ids.Order(), group.Group.RequestIds.Order());
        Assert.Equal(3, group.Group.ApplicantCount);
        Assert.False(group.Linked);
        Assert.Null(group.PublicationId);

        var document = CatalogDocuments.Document(agency.Id, "关于老旧小区加装电梯补贴的通知", "2026-01-05", type: PublicationType.Other, number: Number);
        await app.SaveAsync(document);
        var linked = await WithStoreAsync(app, (s, _) => s.LinkAsync(document.Id, ids, scope, "handler-li", today));

        Assert.True(linked.Succeeded, string.Join(" ", linked.Errors.Values));
        Assert.Equal(3, linked.Linked);
        var links = await app.WithDbAsync(d => d.SameInformationLinks.AsNoTracking().Where(l => ids.Contains(l.RequestId)).ToListAsync());
        Assert.Equal(3, links.Count);
        Assert.All(links, l => Assert.Equal((document.Id, agency.Id, today, "handler-li"), (l.PublicationId, l.AgencyId, l.LinkedOn!.Value, l.LinkedBy!)));
        var entry = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().SingleAsync(a => a.Target == $"文件 {document.Id}"));
        Assert.Equal(AuditActions.SameInformationLinked, entry.Action);
        Assert.Equal(agency.Id, entry.AgencyId);
        Assert.Contains("第四十四条", entry.Details);
        var after = Assert.Single(await WithStoreAsync(app, (s, _) => s.GroupsAsync(scope, today.AddYears(-1), today)));
        Assert.True(after.Linked);
        Assert.Equal("关于老旧小区加装电梯补贴的通知", after.PublicationTitle);
        Assert.Equal((1, 3), await app.WithDbAsync(d => SameInformationStore.YearAsync(d, [agency.Id], today.Year)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task A_link_that_may_not_be_made_is_refused_with_the_reason_and_writes_nothing(Db db)
    {
        var app = GongkaiApp.For(db);
        var agency = await app.NewAgencyAsync(null);
        var other = await app.NewAgencyAsync(null);
        var ids = await ThreeApplicantsAsync(app, agency.Id);
        var sameApplicant = new List<long> { ids[0], await app.NewRequestAsync(agency.Id, "关于老旧小区加装电梯补贴的通知", a => a with { ApplicantName = "张三丰", IdType = IdentityDocumentType.Passport, IdNumber = "E10000001", DocumentNumber = Number }) };
        var published = CatalogDocuments.Document(agency.Id, "加装电梯补贴通知", "2026-01-05", type: PublicationType.Other);
        var othersDocument = CatalogDocuments.Document(other.Id, "其他机关的通知", "2026-01-05", type: PublicationType.Other);
        var draft = CatalogDocuments.Document(agency.Id, "尚未发布的通知", null, type: PublicationType.Other);
        await app.SaveAsync(published, othersDocument, draft);
        var today = Today(app);
        var scope = new HashSet<int> { agency.Id, other.Id };

        var refusals = new List<string>();
        foreach (var (publication, requests, within) in new (long, List<long>, IReadOnlySet<int>)[]
        {
            (published.Id, sameApplicant, scope),
            (othersDocument.Id, ids, scope),
            (draft.Id, ids, scope),
            (published.Id, [ids[0]], scope),
            (published.Id, ids, new HashSet<int> { other.Id }),
        })
        {
            var outcome = await WithStoreAsync(app, (s, _) => s.LinkAsync(publication, requests, within, "handler-li", today));
            Assert.False(outcome.Succeeded);
            refusals.Add(string.Join(" ", outcome.Errors.Values));
        }

        Assert.Contains("同一申请人", refusals[0]);
        Assert.Contains("收到这些申请的行政机关", refusals[1]);
        Assert.Contains("尚未发布", refusals[2]);
        Assert.Contains("至少两件", refusals[3]);
        Assert.Contains("不在您可以办理的机关范围内", refusals[4]);
        var allIds = ids.Concat(sameApplicant).ToList();
        Assert.False(await app.WithDbAsync(d => d.SameInformationLinks.AnyAsync(l => allIds.Contains(l.RequestId))));
        var targets = new[] { published.Id, othersDocument.Id, draft.Id }.Select(id => $"文件 {id}").ToList();
        Assert.False(await app.WithDbAsync(d => d.AuditEntries.AnyAsync(a => a.Target != null && targets.Contains(a.Target))));
    }

    [Fact]
    public async Task A_document_drafted_for_the_group_links_it_when_published_a_later_request_is_pointed_to_it_and_the_report_counts_the_group()
    {
        using var app = new GongkaiApp(Db.Sqlite, clock: FixedClock.At("2026-06-15T10:00:00+08:00"));
        var agency = await app.NewAgencyAsync(null);
        var ids = await ThreeApplicantsAsync(app, agency.Id);
        var today = Today(app);
        var scope = new HashSet<int> { agency.Id };
        var draft = CatalogDocuments.Document(agency.Id, "关于老旧小区加装电梯补贴的通知", null, type: PublicationType.Other, number: Number);
        await app.SaveAsync(draft);

        var prepared = await WithStoreAsync(app, (s, _) => s.PrepareAsync(draft.Id, ids, scope, "approver-wang"));
        Assert.True(prepared.Succeeded, string.Join(" ", prepared.Errors.Values));
        Assert.True(await app.WithDbAsync(d => d.SameInformationLinks.Where(l => ids.Contains(l.RequestId)).AllAsync(l => l.LinkedOn == null && l.PublicationId == draft.Id)));
        Assert.Equal(0, await WithStoreAsync(app, (s, _) => s.LinkPreparedAsync(draft.Id, "approver-wang", today)));

        using (var scope2 = app.Services.CreateScope())
        {
            var publications = scope2.ServiceProvider.GetRequiredService<PublicationStore>();
            Assert.True((await publications.ReviewAsync(draft.Id, "无涉密内容", "approver-zhao")).Succeeded);
            Assert.True((await publications.PublishAsync(draft.Id, null, null, "approver-wang", today)).Succeeded);
        }

        Assert.Equal(3, await WithStoreAsync(app, (s, _) => s.LinkPreparedAsync(draft.Id, "approver-wang", today)));
        Assert.Equal(2, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.Target == $"文件 {draft.Id}"
            && (a.Action == AuditActions.SameInformationPrepared || a.Action == AuditActions.SameInformationLinked))));

        // A fourth applicant asks later for the same document: pointed to it, not grouped anew.
        var later = await app.NewRequestAsync(agency.Id, "加装电梯补贴的通知", a => a with { ApplicantName = "赵六", IdType = IdentityDocumentType.Passport, IdNumber = "E10000004", DocumentNumber = Number });
        var unrelated = await app.NewRequestAsync(agency.Id, "2025 年区级财政预算执行情况", a => a with { ApplicantName = "钱七", IdType = IdentityDocumentType.Passport, IdNumber = "E10000005" });
        var found = await WithStoreAsync(app, async (s, d) => await s.PublishedForAsync(await d.Requests.AsNoTracking().SingleAsync(r => r.Id == later)));
        Assert.Equal(new SameInformationPublished(draft.Id, "关于老旧小区加装电梯补贴的通知"), found);
        Assert.Null(await WithStoreAsync(app, async (s, d) => await s.PublishedForAsync(await d.Requests.AsNoTracking().SingleAsync(r => r.Id == unrelated))));

        using var reportScope = app.Services.CreateScope();
        var report = await reportScope.ServiceProvider.GetRequiredService<ReportBuilder>().BuildAsync(agency.Id, 2026, subtree: false);
        Assert.Contains("依申请公开转为主动公开1组，涉及申请3件", report.SectionText(1));
    }
}
