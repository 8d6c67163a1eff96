using System.Net;
using System.Text;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Security;

/// <summary>
/// Walks every staff page and every API endpoint the host actually maps, so a new route cannot ship without
/// a decision about who may use it: the table below must name each one.
/// </summary>
public sealed class AuthorizationTests
{
    private enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,
        /// <summary>Any staff role.</summary>
        Staff,
        /// <summary>Administrators only.</summary>
        Administrator,
        /// <summary>Clerks only (registering requests).</summary>
        Clerk,
        /// <summary>Handlers and approvers (recording appeals).</summary>
        Caseworker,
        /// <summary>Clerks, handlers and approvers (those who see personal data).</summary>
        Caseworkers,
        /// <summary>Publishers and approvers (writing the annual report).</summary>
        Writers,
        /// <summary>Approvers and administrators (setting up the interaction channels).</summary>
        Approvers,
        /// <summary>Supervisors and administrators (the supervision dashboard).</summary>
        Supervisors,
        /// <summary>Forwarding systems with an API key; no staff cookie opens it.</summary>
        ApiClient,
    }

    // "METHOD route" → who may use it. Razor pages answer GET (and POST for their forms).
    private static readonly Dictionary<string, Access> Expected = new(StringComparer.Ordinal)
    {
        ["GET admin/login"] = Access.Public,
        ["GET admin/access-denied"] = Access.Public,
        ["GET admin"] = Access.Staff,
        ["GET admin/index"] = Access.Staff,
        ["GET admin/logout"] = Access.Staff,
        ["GET admin/account/password"] = Access.Staff,
        ["GET admin/agencies"] = Access.Staff,
        ["GET admin/agencies/index"] = Access.Staff,
        ["GET admin/agencies/edit/{id:int?}"] = Access.Administrator,
        ["GET admin/agencies/reminders/{id:int}"] = Access.Administrator,
        ["GET admin/users"] = Access.Administrator,
        ["GET admin/users/index"] = Access.Administrator,
        ["GET admin/users/create"] = Access.Administrator,
        ["GET admin/users/edit/{id}"] = Access.Administrator,
        ["GET admin/audit"] = Access.Administrator,
        ["GET admin/audit/index"] = Access.Administrator,
        ["GET admin/calendar"] = Access.Staff,
        ["GET admin/calendar/index"] = Access.Staff,
        ["GET admin/calendar/year/{year:int}"] = Access.Staff,
        ["GET admin/requests"] = Access.Staff,
        ["GET admin/requests/index"] = Access.Staff,
        ["GET admin/requests/new"] = Access.Clerk,
        ["GET admin/requests/ledger"] = Access.Staff,
        ["GET admin/requests/import"] = Access.Caseworkers,
        ["GET admin/requests/same-information"] = Access.Caseworkers,
        ["GET admin/notices"] = Access.Administrator,
        ["GET admin/notices/index"] = Access.Administrator,
        ["GET admin/reports"] = Access.Staff,
        ["GET admin/reports/index"] = Access.Staff,
        ["GET admin/reports/article20"] = Access.Staff,
        ["GET admin/reports/tables"] = Access.Writers,
        ["GET admin/appeals"] = Access.Staff,
        ["GET admin/appeals/index"] = Access.Staff,
        ["GET admin/appeals/edit/{id:long?}"] = Access.Caseworker,
        ["GET admin/requests/{id:long}"] = Access.Staff,
        ["GET admin/letters"] = Access.Staff,
        ["GET admin/letters/index"] = Access.Staff,
        ["GET admin/letters/settings"] = Access.Approvers,
        ["GET admin/letters/new"] = Access.Caseworkers,
        ["GET admin/letters/{id:long}"] = Access.Staff,
        ["GET admin/consultations"] = Access.Staff,
        ["GET admin/consultations/index"] = Access.Staff,
        ["GET admin/consultations/{id:long}"] = Access.Staff,
        ["GET admin/publications"] = Access.Staff,
        ["GET admin/publications/index"] = Access.Staff,
        ["GET admin/publications/edit/{id:long?}"] = Access.Writers,
        ["GET admin/publications/settings"] = Access.Writers,
        ["GET admin/publications/{id:long}"] = Access.Staff,
        ["GET admin/publications/listing"] = Access.Staff,
        ["GET admin/supervision"] = Access.Supervisors,
        ["GET admin/supervision/index"] = Access.Supervisors,
        ["GET admin/supervision/reports"] = Access.Supervisors,
        ["GET admin/supervision/reports/index"] = Access.Supervisors,
        ["GET admin/supervision/reports/{id:long}"] = Access.Supervisors,
        ["GET admin/gazette"] = Access.Staff,
        ["GET admin/gazette/index"] = Access.Staff,
        // Every staff member reads an issue here; only writers may open it empty (a new issue) or save it.
        ["GET admin/gazette/edit/{id:int?}"] = Access.Staff,
        ["GET api/agencies"] = Access.Public,
        ["GET api/agencies/{id:int}"] = Access.Public,
        ["POST api/agencies"] = Access.Administrator,
        ["PUT api/agencies/{id:int}"] = Access.Administrator,
        ["GET api/calendar/{year:int}"] = Access.Public,
        ["GET api/calendar/add"] = Access.Public,
        ["GET api/audit"] = Access.Administrator,
        ["GET api/reports"] = Access.Public,
        ["POST api/check"] = Access.Public,
        ["GET api/reports/{id:int}"] = Access.Public,
        ["POST api/requests"] = Access.ApiClient,
        ["POST api/requests/status"] = Access.Public,
        ["POST api/clock"] = Access.Public,
        ["GET api/search"] = Access.Public,
        ["GET api/statistics"] = Access.Public,
        ["GET api/publications/{id:long}"] = Access.Public,
    };

    private static List<string> DiscoverRoutes(GongkaiApp app)
    {
        var routes = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = (endpoint.RoutePattern.RawText ?? "").Trim('/').ToLowerInvariant();
            if (!(pattern == "admin" || pattern.StartsWith("admin/", StringComparison.Ordinal) || pattern.StartsWith("api/", StringComparison.Ordinal)))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            routes.AddRange(methods.Select(m => $"{m} {pattern}"));
        }

        return routes.Distinct().Order().ToList();
    }

    private static string WhoMay(Access access) => access switch
    {
        Access.Public => "anyone",
        Access.Staff => "any staff role",
        Access.Administrator => "Administrator",
        Access.Clerk => "Clerk",
        Access.Caseworker => "Handler, Approver",
        Access.Caseworkers => "Clerk, Handler, Approver",
        Access.Writers => "Publisher, Approver",
        Access.Approvers => "Approver, Administrator",
        Access.Supervisors => "Supervisor, Administrator",
        Access.ApiClient => "API client (key)",
    };

    /// <summary>
    /// docs/security.md carries the route × role table made here from the endpoints the host maps, with their rate
    /// limits: rewrite it with GONGKAI_UPDATE_GOLDEN=1 after a change, and review the diff.
    /// </summary>
    [Fact]
    public async Task The_security_doc_has_the_route_table_the_host_actually_serves()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var rows = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = (endpoint.RoutePattern.RawText ?? "").Trim('/').ToLowerInvariant();
            if (pattern.StartsWith("openapi", StringComparison.Ordinal) || pattern.StartsWith("api-docs", StringComparison.Ordinal) || pattern == "error")
            {
                continue;
            }

            var limit = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                var route = $"{method} {pattern}";
                var who = Expected.TryGetValue(route, out var access) ? WhoMay(access) : pattern.StartsWith("admin", StringComparison.Ordinal) || pattern.StartsWith("api/", StringComparison.Ordinal) ? "?" : "anyone";
                rows.Add($"| `{method} /{pattern}` | {who} | {limit ?? "—"} |");
            }
        }

        var table = "| route | who may use it | rate limit |\n|---|---|---|\n" + string.Join("\n", rows) + "\n";
        await Documents.AssertDocSectionAsync("security.md", "routes", table);
    }

    [Fact]
    public void Every_staff_route_and_api_endpoint_has_a_stated_access_rule()
    {
        var discovered = DiscoverRoutes(GongkaiApp.For(Db.Sqlite));

        var unlisted = discovered.Except(Expected.Keys).ToList();
        var stale = Expected.Keys.Except(discovered).ToList();

        Assert.True(unlisted.Count == 0, "Routes with no access rule in this test: " + string.Join(", ", unlisted));
        Assert.True(stale.Count == 0, "Rules for routes that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login_on_pages_and_get_401_from_the_api()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.AgencyAsync("示例区人民政府");
        var client = app.Browser();
        var failures = new StringBuilder();

        foreach (var (route, access) in Expected)
        {
            var response = await SendAsync(client, route, agency.Id);
            var isApi = RouteOf(route).StartsWith("api/", StringComparison.Ordinal);
            if (access == Access.Public)
            {
                if (response.StatusCode is HttpStatusCode.Unauthorized || response.IsRedirectTo("/admin/login"))
                {
                    failures.AppendLine($"{route}: public, but anonymous got {(int)response.StatusCode}");
                }
            }
            else if (isApi ? response.StatusCode != HttpStatusCode.Unauthorized : !response.IsRedirectTo("/admin/login"))
            {
                failures.AppendLine($"{route}: expected {(isApi ? "401" : "redirect to login")}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public async Task Staff_without_the_administrator_role_are_refused_administrator_routes()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var requestId = await app.NewRequestAsync(office.Id);
        var publicationId = await app.WithDbAsync(async db =>
        {
            var record = new Gongkai.Infrastructure.Publications.PublicationRecord
            {
                AgencyId = office.Id,
                IndexNumber = "AUTH-" + Guid.NewGuid().ToString("N"),
                Title = "权限测试文件",
                Issuer = office.FullName,
                WrittenOn = new DateOnly(2024, 3, 1),
            };
            db.Publications.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        var gazetteId = await app.WithDbAsync(async db =>
        {
            var issue = Gongkai.Infrastructure.Publications.GazetteIssueRecord.For(Gongkai.Core.Publications.GazetteIssue.Compose(office.Id, new(2024, 1, null, new DateOnly(2024, 3, 1), 0, null, []), false, new Dictionary<long, Gongkai.Core.Publications.GazetteCandidate>(), out _)!);
            db.GazetteIssues.Add(issue);
            await db.SaveChangesAsync();
            return issue.Id;
        });
        var letterId = await app.WithDbAsync(async db =>
        {
            var letter = new Gongkai.Infrastructure.Interaction.LetterRecord
            {
                AgencyId = office.Id,
                TrackingCode = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
                Subject = "权限测试来信",
                Body = "权限测试来信的内容。",
                ContentHash = Guid.NewGuid().ToString("N"),
            };
            db.Letters.Add(letter);
            await db.SaveChangesAsync();
            return letter.Id;
        });
        var consultationId = await app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TimeProvider>(app.Services).GetLocalNow().DateTime);
            var consultation = new Gongkai.Infrastructure.Participation.ConsultationRecord { AgencyId = office.Id, CreatedBy = "test" };
            consultation.Take(Gongkai.Core.Participation.Consultation.Start(new("权限测试征求意见", "权限测试征求意见稿的内容，共二十个字以上。", today, today.AddDays(10)), today).Consultation!);
            db.Consultations.Add(consultation);
            await db.SaveChangesAsync();
            return consultation.Id;
        });
        var supervisedId = await app.WithDbAsync(async db =>
        {
            var report = new Gongkai.Infrastructure.Supervision.SupervisedReportRecord
            {
                SupervisorAgencyId = office.Id,
                AgencyName = "权限测试机关",
                FileName = "权限测试.txt",
                Sha256 = Guid.NewGuid().ToString("N"),
                CheckedBy = "test",
                FindingsJson = "[]",
            };
            db.SupervisedReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });
        var failures = new StringBuilder();

        foreach (var role in new[] { StaffRoles.Clerk, StaffRoles.Handler, StaffRoles.Approver, StaffRoles.Publisher, StaffRoles.Supervisor })
        {
            var client = await app.LoginAsync(await app.NewStaffAsync(role, office.Id));
            foreach (var (route, access) in Expected.Where(e => e.Value != Access.Public))
            {
                // An {id:int} is the agency's, except on the gazette's pages, where it is the issue's.
                var intId = route.Contains("gazette", StringComparison.Ordinal) ? gazetteId : office.Id;
                var response = await SendAsync(client, route, intId, route.Contains("publications", StringComparison.Ordinal) ? publicationId : route.Contains("letters", StringComparison.Ordinal) ? letterId
                    : route.Contains("consultations", StringComparison.Ordinal) ? consultationId : route.Contains("supervision/reports", StringComparison.Ordinal) ? supervisedId : requestId);
                var isApi = RouteOf(route).StartsWith("api/", StringComparison.Ordinal);
                var refused = isApi ? response.StatusCode is HttpStatusCode.Forbidden || (access == Access.ApiClient && response.StatusCode == HttpStatusCode.Unauthorized)
                    : response.IsRedirectTo("/admin/access-denied");
                var allowed = access == Access.Staff || (access == Access.Clerk && role == StaffRoles.Clerk)
                    || (access == Access.Caseworker && role is StaffRoles.Handler or StaffRoles.Approver)
                    || (access == Access.Caseworkers && role is StaffRoles.Clerk or StaffRoles.Handler or StaffRoles.Approver)
                    || (access == Access.Writers && role is StaffRoles.Publisher or StaffRoles.Approver)
                    || (access == Access.Approvers && role is StaffRoles.Approver)
                    || (access == Access.Supervisors && role is StaffRoles.Supervisor);
                if (!allowed && !refused)
                {
                    failures.AppendLine($"{role} {route}: expected 403, got {(int)response.StatusCode} {response.Headers.Location}");
                }
                else if (allowed && response.StatusCode != HttpStatusCode.OK)
                {
                    failures.AppendLine($"{role} {route}: expected 200, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public async Task An_administrator_of_a_department_is_refused_agencies_outside_its_subtree()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var government = await app.AgencyAsync("示例区人民政府");
        var bureau = await app.AgencyAsync("示例区教育局");
        var sibling = await app.AgencyAsync("示例区发展和改革局");
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, bureau.Id));

        var ownPage = await client.GetAsync($"/admin/agencies/edit/{bureau.Id}");
        var parentPage = await client.GetAsync($"/admin/agencies/edit/{government.Id}");
        var siblingPage = await client.GetAsync($"/admin/agencies/edit/{sibling.Id}");
        var siblingApi = await client.PutAsync($"/api/agencies/{sibling.Id}", Json($$"""{"fullName":"改名","shortName":"改名","creditCode":"{{sibling.CreditCode}}","level":"Department","parentId":{{government.Id}}}"""));
        var list = await client.GetStringAsync("/admin/agencies");

        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.True(parentPage.IsRedirectTo("/admin/access-denied"), $"parent: {(int)parentPage.StatusCode}");
        Assert.True(siblingPage.IsRedirectTo("/admin/access-denied"), $"sibling: {(int)siblingPage.StatusCode}");
        Assert.Equal(HttpStatusCode.Forbidden, siblingApi.StatusCode);
        Assert.Contains("示例区教育局", list);
        Assert.DoesNotContain("示例区发展和改革局", list);
        Assert.Equal("示例区发展和改革局", (await app.AgencyAsync("示例区发展和改革局")).FullName);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var client = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, null));

        var response = await client.PostAsync("/admin/agencies/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["FullName"] = "伪造请求机关",
            ["ShortName"] = "伪造",
            ["CreditCode"] = GongkaiApp.UniqueCreditCode(),
            ["Level"] = "Department",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Agencies, a => a.FullName == "伪造请求机关")));
    }

    private static string RouteOf(string route) => route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..];

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string route, int intId, long requestId = 1)
    {
        var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
        var path = "/" + RouteOf(route)
            .Replace("{id:int?}", intId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{id:int}", intId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{year:int}", "2024", StringComparison.Ordinal)
            .Replace("{id:long}", requestId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{id:long?}", "", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = Json("{}");
        }

        return client.SendAsync(request);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
