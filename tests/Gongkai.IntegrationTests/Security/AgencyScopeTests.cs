using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
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

/// <summary>
/// Every id a staff page handler receives — in the route, the query or the form, including the ids of a form shown
/// again and of a search helper — is checked against the caller's agency subtree. The handlers are discovered from the
/// host's endpoints, so a new handler that takes an id fails here until the table below says what the id names.
/// </summary>
public sealed partial class AgencyScopeTests
{
    private enum Kind
    {
        /// <summary>A number that names no record (a year, a version, a count).</summary>
        NotAnId,
        Agency,
        User,
        Request,
        Notice,
        RequestAttachment,
        Letter,
        LetterAttachment,
        Publication,
        PublicationAttachment,
        Gazette,
        Appeal,
        Category,
    }

    /// <summary>
    /// Refused: another agency's id gets 403 or 404. NoEffect: the id only picks among the caller's own record's parts
    /// (attachments to remove, the order of chosen documents, a category of the agency being set up), so a foreign
    /// one is answered like a stale form; either way the other agency's record is neither shown nor changed.
    /// </summary>
    private enum Expect
    {
        Refused,
        NoEffect,
    }

    private sealed record Input(Kind Kind, Expect Expect = Expect.Refused);

    private static readonly Input NotAnId = new(Kind.NotAnId);

    private static Input Names(Kind kind) => new(kind);

    private static Input NoEffect(Kind kind) => new(kind, Expect.NoEffect);

    // "page input" → what the value names. The page is its shortest route; the input is the property or parameter name.
    private static readonly Dictionary<string, Input> Inputs = new(StringComparer.Ordinal)
    {
        ["admin/agencies id"] = Names(Kind.Agency),
        ["admin/agencies/edit/{id:int?} Id"] = Names(Kind.Agency),
        ["admin/agencies/edit/{id:int?} ParentId"] = Names(Kind.Agency),
        ["admin/appeals Year"] = NotAnId,
        ["admin/appeals/edit/{id:long?} Id"] = Names(Kind.Appeal),
        ["admin/appeals/edit/{id:long?} AgencyId"] = Names(Kind.Agency),
        ["admin/audit PageNumber"] = NotAnId,
        ["admin/calendar/year/{year:int} year"] = NotAnId,
        ["admin/gazette/edit/{id:int?} Id"] = Names(Kind.Gazette),
        ["admin/gazette/edit/{id:int?} AgencyId"] = Names(Kind.Agency),
        ["admin/gazette/edit/{id:int?} Year"] = NotAnId,
        ["admin/gazette/edit/{id:int?} Number"] = NotAnId,
        ["admin/gazette/edit/{id:int?} TotalNumber"] = NotAnId,
        ["admin/gazette/edit/{id:int?} PrintRun"] = NotAnId,
        ["admin/gazette/edit/{id:int?} Selected"] = Names(Kind.Publication),
        ["admin/gazette/edit/{id:int?} Orders"] = NoEffect(Kind.Publication),
        ["admin/letters RequestId"] = Names(Kind.Request),
        ["admin/letters Year"] = NotAnId,
        ["admin/letters/{id:long} id"] = Names(Kind.Letter),
        ["admin/letters/{id:long} attachment"] = Names(Kind.LetterAttachment),
        ["admin/letters/new AgencyId"] = Names(Kind.Agency),
        ["admin/letters/settings AgencyId"] = Names(Kind.Agency),
        ["admin/letters/settings ReplyWorkingDays"] = NotAnId,
        ["admin/publications Year"] = NotAnId,
        ["admin/publications/{id:long} id"] = Names(Kind.Publication),
        ["admin/publications/{id:long} attachment"] = Names(Kind.PublicationAttachment),
        ["admin/publications/edit/{id:long?} Id"] = Names(Kind.Publication),
        ["admin/publications/edit/{id:long?} Interprets"] = Names(Kind.Publication),
        ["admin/publications/edit/{id:long?} AgencyId"] = Names(Kind.Agency),
        ["admin/publications/edit/{id:long?} RemoveAttachments"] = NoEffect(Kind.PublicationAttachment),
        ["admin/publications/listing AgencyId"] = Names(Kind.Agency),
        ["admin/publications/settings AgencyId"] = Names(Kind.Agency),
        ["admin/publications/settings ParentId"] = NoEffect(Kind.Category),
        ["admin/publications/settings CategoryId"] = NoEffect(Kind.Category),
        ["admin/reports AgencyId"] = Names(Kind.Agency),
        ["admin/reports Year"] = NotAnId,
        ["admin/reports EditSection"] = NotAnId,
        ["admin/reports n"] = NotAnId,
        ["admin/reports section"] = NotAnId,
        ["admin/reports/article20 AgencyId"] = Names(Kind.Agency),
        ["admin/reports/article20 Year"] = NotAnId,
        ["admin/reports/tables AgencyId"] = Names(Kind.Agency),
        ["admin/reports/tables Year"] = NotAnId,
        ["admin/requests AgencyId"] = Names(Kind.Agency),
        ["admin/requests Year"] = NotAnId,
        ["admin/requests/{id:long} Id"] = Names(Kind.Request),
        ["admin/requests/{id:long} noticeId"] = Names(Kind.Notice),
        ["admin/requests/{id:long} attachmentId"] = Names(Kind.RequestAttachment),
        ["admin/requests/{id:long} Version"] = NotAnId,
        ["admin/requests/{id:long} Number"] = NotAnId,
        ["admin/requests/{id:long} Days"] = NotAnId,
        ["admin/requests/{id:long} Pages"] = NotAnId,
        ["admin/requests/{id:long} PeriodDays"] = NotAnId,
        ["admin/requests/ledger AgencyId"] = Names(Kind.Agency),
        ["admin/requests/ledger Year"] = NotAnId,
        ["admin/requests/new AgencyId"] = Names(Kind.Agency),
        ["admin/users id"] = Names(Kind.User),
        ["admin/users/create AgencyId"] = Names(Kind.Agency),
        ["admin/users/edit/{id} Id"] = Names(Kind.User),
        ["admin/users/edit/{id} AgencyId"] = Names(Kind.Agency),
    };

    /// <summary>Values for inputs that are not ids, so that a handler given the caller's own ids gets past its own checks.</summary>
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["step"] = "ConfirmReceipt",
        ["type"] = "docx",
        ["year"] = "2024",
        ["n"] = "0",
        ["section"] = "1",
        ["text"] = "测试",
        ["active"] = "true",
        ["disabled"] = "false",
        ["clear"] = "false",
    };

    private static readonly string[] Roles = [StaffRoles.Administrator, StaffRoles.Clerk, StaffRoles.Handler, StaffRoles.Approver, StaffRoles.Publisher, StaffRoles.Supervisor];

    private sealed record Field(string Key, string Name, bool FromRoute, bool Optional);

    private sealed record Handler(string Page, string Pattern, string Method, string? Name, IReadOnlyList<Field> Ids, IReadOnlySet<string> Bound)
    {
        public override string ToString() => $"{Method} /{Pattern}{(Name is null ? "" : "?handler=" + Name)}";
    }

    [Fact]
    public async Task Every_id_taking_handler_input_is_listed()
    {
        var handlers = await DiscoverAsync(GongkaiApp.For(Db.Sqlite));
        var discovered = handlers.SelectMany(h => h.Ids.Select(f => f.Key)).ToHashSet();

        var unlisted = discovered.Except(Inputs.Keys).Order().ToList();
        var stale = Inputs.Keys.Except(discovered).Order().ToList();

        Assert.True(unlisted.Count == 0, "Handler inputs that may name a record, with no entry in this test: " + string.Join(", ", unlisted));
        Assert.True(stale.Count == 0, "Entries for inputs no handler takes any more: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task No_staff_page_handler_shows_or_changes_another_agency_trees_records_given_their_ids()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var marker = "乙" + Guid.NewGuid().ToString("N")[..10];
        var a = await TreeAsync(app, "甲" + Guid.NewGuid().ToString("N")[..10]);
        var b = await TreeAsync(app, marker);
        var before = await SnapshotAsync(app, b);
        var clients = new List<(string Role, HttpClient Client, string Token)>();
        foreach (var role in Roles)
        {
            var client = await app.LoginAsync(await app.NewStaffAsync(role, int.Parse(a[Kind.Agency], CultureInfo.InvariantCulture)));
            clients.Add((role, client, await TokenAsync(client)));
        }

        var failures = new StringBuilder();
        var checkedCount = 0;
        foreach (var handler in await DiscoverAsync(app))
        {
            foreach (var field in handler.Ids.Where(f => Inputs.TryGetValue(f.Key, out var input) && input.Kind != Kind.NotAnId))
            {
                var input = Inputs[field.Key];
                var contexts = handler.Ids.Any(f => f.Optional && f != field) ? new[] { false, true } : [true];
                if (input.Expect == Expect.NoEffect)
                {
                    foreach (var filled in contexts)
                    {
                        foreach (var (role, client, token) in clients)
                        {
                            var response = await SendAsync(client, token, handler, field, filled, a, b);
                            await CheckAsync(failures, role, handler, field, filled, response, marker, refusedExpected: false);
                        }
                    }

                    continue;
                }

                // The same call with the caller's own id must get through for some role, or a refusal proves nothing.
                bool? context = null;
                foreach (var filled in contexts)
                {
                    foreach (var (_, client, token) in clients)
                    {
                        var control = await SendAsync(client, token, handler, field, filled, a, a);
                        if (!IsRefused(control) && (int)control.StatusCode is < 500 and not 400)
                        {
                            context = filled;
                            break;
                        }
                    }

                    if (context is not null)
                    {
                        break;
                    }
                }

                if (context is not { } chosen)
                {
                    failures.AppendLine($"{handler} {field.Name}: refused for every role even with the caller's own ids; give it what it needs in Defaults");
                    continue;
                }

                foreach (var (role, client, token) in clients)
                {
                    var response = await SendAsync(client, token, handler, field, chosen, a, b);
                    await CheckAsync(failures, role, handler, field, chosen, response, marker, refusedExpected: true);
                }

                checkedCount++;
            }
        }

        var after = await SnapshotAsync(app, b);

        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(checkedCount >= 80, $"only {checkedCount} handler inputs were checked");
        Assert.Equal(before, after);
    }

    private static async Task CheckAsync(StringBuilder failures, string role, Handler handler, Field field, bool filled, HttpResponseMessage response, string marker, bool refusedExpected)
    {
        var body = await response.Content.ReadAsStringAsync();
        var where = $"{role} {handler} {field.Name}={field.Key}{(filled ? " (own record)" : "")}";
        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.BadRequest)
        {
            failures.AppendLine($"{where}: {(int)response.StatusCode}");
        }
        else if (refusedExpected && !IsRefused(response))
        {
            failures.AppendLine($"{where}: expected 403 or 404, got {(int)response.StatusCode} {response.Headers.Location}");
        }

        if (WebUtility.HtmlDecode(body).Contains(marker, StringComparison.Ordinal))
        {
            failures.AppendLine($"{where}: the other agency's record is in the response");
        }
    }

    private static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound || response.IsRedirectTo("/admin/access-denied");

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string token, Handler handler, Field field, bool filled,
        IReadOnlyDictionary<Kind, string> own, IReadOnlyDictionary<Kind, string> values)
    {
        var route = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var id in handler.Ids)
        {
            var input = Inputs.GetValueOrDefault(id.Key) ?? NotAnId;
            string? value = id == field ? values[input.Kind]
                : input.Kind == Kind.NotAnId || input.Expect == Expect.NoEffect || (id.Optional && !filled) ? null
                : own[input.Kind];
            if (value is null)
            {
                continue;
            }

            if (id.FromRoute)
            {
                route[id.Name] = value;
            }
            else
            {
                fields.Add(new(id.Name, value));
            }
        }

        foreach (var (name, value) in Defaults)
        {
            if (handler.Bound.Contains(name) && !fields.Any(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)) && !route.ContainsKey(name))
            {
                fields.Add(new(name, value));
            }
        }

        var path = "/" + RouteParameter().Replace(handler.Pattern, m => route.GetValueOrDefault(m.Groups[1].Value) ?? "").TrimEnd('/');
        var query = handler.Name is null ? [] : new List<string> { "handler=" + handler.Name };
        if (handler.Method == "GET")
        {
            query.AddRange(fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            return client.GetAsync(path + (query.Count == 0 ? "" : "?" + string.Join("&", query)));
        }

        fields.Add(new("__RequestVerificationToken", token));
        return client.PostAsync(path + (query.Count == 0 ? "" : "?" + string.Join("&", query)), new FormUrlEncodedContent(fields));
    }

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
        lines.Add($"settings {await d.InteractionChannels.CountAsync(s => s.AgencyId == agencyId)} {await d.DisclosureSettings.CountAsync(s => s.AgencyId == agencyId)}");
        lines.Add($"reports {await d.ReportNarratives.CountAsync(n => n.AgencyId == agencyId)} {await d.Article20Figures.CountAsync(f => f.AgencyId == agencyId)} {await d.AnnualReports.CountAsync(r => r.AgencyId == agencyId)}");
        return string.Join("\n", lines);
    });

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/admin/account/password");
        return WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\{(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
