using System.Globalization;
using System.Reflection;
using System.Text;
using Gongkai.Core.Appeals;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Interaction;
using Gongkai.Infrastructure.Publications;
using Gongkai.Infrastructure.Requests;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Security;

/// <summary>The handlers the host maps and their id-like inputs, the two agency trees the test plays with, and a snapshot of what they hold.</summary>
public sealed partial class AgencyScopeTests
{
    private static async Task<List<Handler>> DiscoverAsync(GongkaiApp app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>(), Pattern: (e.RoutePattern.RawText ?? "").Trim('/').ToLowerInvariant()))
            .Where(e => e.Page is not null && (e.Pattern == "admin" || e.Pattern.StartsWith("admin/", StringComparison.Ordinal)))
            .GroupBy(e => e.Page!.ViewEnginePath)
            .Select(g => g.OrderBy(e => e.Pattern.Length).First());
        var handlers = new List<Handler>();
        foreach (var (endpoint, page, pattern) in pages)
        {
            var compiled = await loader.LoadAsync(page!, endpoint.Metadata);
            var routeParameters = endpoint.RoutePattern.Parameters.ToDictionary(p => p.Name, p => p.IsOptional, StringComparer.OrdinalIgnoreCase);
            foreach (var method in compiled.HandlerMethods)
            {
                var isGet = string.Equals(method.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase);
                var inputs = new List<(string Name, string FormName, Type Type)>();
                foreach (var property in compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>())
                {
                    var bind = property.Property.GetCustomAttribute<BindPropertyAttribute>();
                    if (bind is null || (isGet && !bind.SupportsGet))
                    {
                        continue;
                    }

                    inputs.Add((property.Name, bind.Name ?? property.Name, property.ParameterType));
                }

                inputs.AddRange(method.Parameters.Where(p => p.ParameterType != typeof(CancellationToken)).Select(p => (p.Name, p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType)));
                var ids = inputs.Where(i => IdLike(i.Name, i.Type))
                    .Select(i => new Field($"{pattern} {i.Name}", i.FormName, routeParameters.ContainsKey(i.FormName), routeParameters.GetValueOrDefault(i.FormName)))
                    .ToList();
                handlers.Add(new Handler(page!.ViewEnginePath, pattern, method.HttpMethod.ToUpperInvariant(), method.Name, ids, inputs.Select(i => i.FormName).ToHashSet(StringComparer.OrdinalIgnoreCase)));
            }
        }

        return handlers.OrderBy(h => h.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>An input that could name a record: a number, a list or map keyed by numbers, or a string called …id.</summary>
    private static bool IdLike(string name, Type type)
    {
        static bool Number(Type t) => (Nullable.GetUnderlyingType(t) ?? t) is var u && (u == typeof(int) || u == typeof(long));
        if (Number(type) || (type.IsArray && Number(type.GetElementType()!)))
        {
            return true;
        }

        if (type.IsGenericType && type.GetGenericArguments() is [var first, ..] && Number(first) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            return true;
        }

        return type == typeof(string) && name.EndsWith("id", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An agency tree of its own — a root and a department — with one of every kind of record, its text marked.</summary>
    private static async Task<Dictionary<Kind, string>> TreeAsync(GongkaiApp app, string marker)
    {
        var root = await app.NewAgencyAsync(null, "机关" + marker);
        var agency = await app.NewAgencyAsync(root.Id, "部门" + marker);
        var requestId = await app.NewRequestAsync(agency.Id, "申请" + marker, r => r with { ApplicantName = "申请人" + marker });
        var dummy = await app.NewStaffAsync(StaffRoles.Clerk, agency.Id);
        return await app.WithDbAsync(async d =>
        {
            var content = Encoding.UTF8.GetBytes("附件" + marker);
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
            d.StoredFiles.Add(new StoredFile { Sha256 = sha, Size = content.Length, Content = content, CreatedAt = DateTimeOffset.UnixEpoch });
            var user = await d.Users.SingleAsync(u => u.UserName == dummy.UserName);
            user.DisplayName = "账号" + marker;
            var requestAttachment = new RequestAttachment { RequestId = requestId, FileName = "申请附件" + marker + ".txt", ContentType = "text/plain", Size = content.Length, Sha256 = sha };
            d.RequestAttachments.Add(requestAttachment);
            var letter = new LetterRecord
            {
                AgencyId = agency.Id,
                TrackingCode = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
                Subject = "来信" + marker,
                Body = "来信内容" + marker,
                WriterName = "来信人" + marker,
                Phone = "13912345678",
                ContentHash = Guid.NewGuid().ToString("N"),
                ReceivedOn = new DateOnly(2024, 3, 1),
                Attachments = [new LetterAttachment { FileName = "来信附件" + marker + ".txt", ContentType = "text/plain", Size = content.Length, Sha256 = sha }],
            };
            d.Letters.Add(letter);
            var publication = new PublicationRecord
            {
                AgencyId = agency.Id,
                IndexNumber = "SCOPE-" + Guid.NewGuid().ToString("N"),
                Title = "草稿" + marker,
                Issuer = agency.FullName,
                WrittenOn = new DateOnly(2024, 3, 1),
                Attachments = [new PublicationAttachment { FileName = "文件附件" + marker + ".txt", ContentType = "text/plain", Size = content.Length, Sha256 = sha }],
            };
            d.Publications.Add(publication);
            var gazette = GazetteIssueRecord.For(Gongkai.Core.Publications.GazetteIssue.Compose(agency.Id, new(2024, 1, null, new DateOnly(2024, 3, 1), 0, "发放点" + marker, []), false, new Dictionary<long, Gongkai.Core.Publications.GazetteCandidate>(), out _)!);
            d.GazetteIssues.Add(gazette);
            var appeal = new AppealCase { AgencyId = agency.Id, Kind = AppealKind.Reconsideration, Body = "复议机关" + marker, FiledOn = new DateOnly(2024, 3, 1), RequestId = requestId };
            d.Appeals.Add(appeal);
            var category = new CatalogCategory { AgencyId = agency.Id, Name = "分类" + marker[..10] };
            d.CatalogCategories.Add(category);
            var consultation = new Gongkai.Infrastructure.Participation.ConsultationRecord { AgencyId = agency.Id, CreatedBy = "scope" };
            consultation.Take(Gongkai.Core.Participation.Consultation.Start(new("征求意见" + marker[..10], "征求意见稿的内容，为权限测试而写，二十字以上：" + marker, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31)), new DateOnly(2024, 3, 1)).Consultation!);
            d.Consultations.Add(consultation);
            var supervised = new Gongkai.Infrastructure.Supervision.SupervisedReportRecord
            {
                SupervisorAgencyId = agency.Id,
                AgencyName = "下级机关" + marker,
                Title = "下级机关" + marker + "2024年政府信息公开工作年度报告",
                Year = 2024,
                FileName = "报告" + marker + ".txt",
                Sha256 = sha,
                CheckedBy = "scope",
                FindingsJson = "[]",
            };
            d.SupervisedReports.Add(supervised);
            await d.SaveChangesAsync();
            var notice = await d.RequestNotices.Where(n => n.RequestId == requestId).Select(n => n.Id).FirstAsync();
            string S(long v) => v.ToString(CultureInfo.InvariantCulture);
            return new Dictionary<Kind, string>
            {
                [Kind.Agency] = S(agency.Id),
                [Kind.User] = user.Id,
                [Kind.Request] = S(requestId),
                [Kind.Notice] = S(notice),
                [Kind.RequestAttachment] = S(requestAttachment.Id),
                [Kind.Letter] = S(letter.Id),
                [Kind.LetterAttachment] = S(letter.Attachments[0].Id),
                [Kind.Publication] = S(publication.Id),
                [Kind.PublicationAttachment] = S(publication.Attachments[0].Id),
                [Kind.Gazette] = S(gazette.Id),
                [Kind.Appeal] = S(appeal.Id),
                [Kind.Category] = S(category.Id),
                [Kind.Consultation] = S(consultation.Id),
                [Kind.SupervisedReport] = S(supervised.Id),
            };
        });
    }

    /// <summary>Everything in the tree's agency that a handler could change or add to.</summary>
    private static Task<string> SnapshotAsync(GongkaiApp app, IReadOnlyDictionary<Kind, string> tree) => app.WithDbAsync(async d =>
    {
        var agencyId = int.Parse(tree[Kind.Agency], CultureInfo.InvariantCulture);
        var lines = new List<string>();
        lines.AddRange(await d.Agencies.AsNoTracking().Where(a => a.Id == agencyId || a.ParentId == agencyId).OrderBy(a => a.Id)
            .Select(a => $"agency {a.Id} {a.FullName} {a.IsActive} {a.ParentId} {a.Contact.Phone}").ToListAsync());
        lines.AddRange(await d.Users.AsNoTracking().Where(u => u.AgencyId == agencyId).OrderBy(u => u.Id)
            .Select(u => $"user {u.Id} {u.DisplayName} {u.PasswordHash} {u.SecurityStamp} {u.LockoutEnd}").ToListAsync());
        lines.AddRange(await d.Requests.AsNoTracking().Where(r => r.AgencyId == agencyId).OrderBy(r => r.Id)
            .Select(r => $"request {r.Id} {r.Version} {r.Status} {r.Attachments.Count} {r.Notices.Count}").ToListAsync());
        lines.AddRange(await d.Letters.AsNoTracking().Where(l => l.AgencyId == agencyId).OrderBy(l => l.Id)
            .Select(l => $"letter {l.Id} {l.Version} {l.Status} {l.Unit} {l.Reply} {l.IsPublished} {l.Attachments.Count} {l.Events.Count}").ToListAsync());
        lines.AddRange(await d.Publications.AsNoTracking().Where(p => p.AgencyId == agencyId).OrderBy(p => p.Id)
            .Select(p => $"publication {p.Id} {p.Title} {p.Status} {p.InterpretsId} {p.RepealedOn} {p.ExpiredOn} {p.Attachments.Count}").ToListAsync());
        lines.AddRange(await d.GazetteIssues.AsNoTracking().Where(g => g.AgencyId == agencyId).OrderBy(g => g.Id)
            .Select(g => $"gazette {g.Id} {g.IsPublished} {g.PrintRun} {g.DistributionPoints} {g.Items.Count}").ToListAsync());
        lines.AddRange((await d.Appeals.AsNoTracking().Where(x => x.AgencyId == agencyId).ToListAsync()).OrderBy(x => x.Id).Select(x => $"appeal {x}"));
        lines.AddRange(await d.CatalogCategories.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.Id).Select(c => $"category {c.Id} {c.Name} {c.ParentId}").ToListAsync());
        lines.AddRange(await d.SupervisedReports.AsNoTracking().Where(r => r.SupervisorAgencyId == agencyId).OrderBy(r => r.Id).Select(r => $"supervised {r.Id} {r.AgencyName} {r.Year}").ToListAsync());
        lines.Add($"settings {await d.InteractionChannels.CountAsync(s => s.AgencyId == agencyId)} {await d.DisclosureSettings.CountAsync(s => s.AgencyId == agencyId)}");
        lines.Add($"reports {await d.ReportNarratives.CountAsync(n => n.AgencyId == agencyId)} {await d.Article20Figures.CountAsync(f => f.AgencyId == agencyId)} {await d.AnnualReports.CountAsync(r => r.AgencyId == agencyId)}");
        return string.Join("\n", lines);
    });
}
