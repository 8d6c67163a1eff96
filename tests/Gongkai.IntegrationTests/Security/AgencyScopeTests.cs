using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

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
        Consultation,
        SupervisedReport,
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
        ["admin/agencies/edit/{id:int?} HandledById"] = Names(Kind.Agency),
        ["admin/agencies/reminders/{id:int} Id"] = Names(Kind.Agency),
        ["admin/agencies/reminders/{id:int} DaysBefore"] = NotAnId,
        ["admin/agencies/reminders/{id:int} OverdueEvery"] = NotAnId,
        ["admin/appeals Year"] = NotAnId,
        ["admin/appeals AgencyId"] = Names(Kind.Agency),
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
        ["admin/consultations AgencyId"] = Names(Kind.Agency),
        ["admin/consultations/{id:long} id"] = Names(Kind.Consultation),
        ["admin/letters RequestId"] = Names(Kind.Request),
        ["admin/letters Year"] = NotAnId,
        ["admin/letters agency"] = Names(Kind.Agency),
        ["admin/letters/{id:long} id"] = Names(Kind.Letter),
        ["admin/letters/{id:long} attachment"] = Names(Kind.LetterAttachment),
        ["admin/letters/new AgencyId"] = Names(Kind.Agency),
        ["admin/letters/settings AgencyId"] = Names(Kind.Agency),
        ["admin/letters/settings ReplyWorkingDays"] = NotAnId,
        ["admin/publications Year"] = NotAnId,
        ["admin/publications AgencyId"] = Names(Kind.Agency),
        ["admin/publications/{id:long} id"] = Names(Kind.Publication),
        ["admin/publications/{id:long} attachment"] = Names(Kind.PublicationAttachment),
        ["admin/publications/edit/{id:long?} Id"] = Names(Kind.Publication),
        ["admin/publications/edit/{id:long?} Interprets"] = Names(Kind.Publication),
        ["admin/publications/edit/{id:long?} AgencyId"] = Names(Kind.Agency),
        ["admin/publications/edit/{id:long?} RemoveAttachments"] = NoEffect(Kind.PublicationAttachment),
        ["admin/publications/edit/{id:long?} SameInformation"] = Names(Kind.Request),
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
        ["admin/requests/same-information Year"] = NotAnId,
        ["admin/requests/same-information RequestIds"] = Names(Kind.Request),
        ["admin/supervision agency"] = Names(Kind.Agency),
        ["admin/supervision/reports Year"] = NotAnId,
        ["admin/supervision/reports id"] = Names(Kind.SupervisedReport),
        ["admin/supervision/reports/{id:long} id"] = Names(Kind.SupervisedReport),
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
