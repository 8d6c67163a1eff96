using System.Net;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Security;

/// <summary>Sessions end when the account changes; logins cost the same for every name and slow guessers down without locking owners out.</summary>
public sealed class SessionAndLoginTests
{
    private static async Task ChangeAsync(GongkaiApp app, string userName, Func<UserManager<StaffUser>, StaffUser, Task> change)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        await change(users, user);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_open_session_on_the_next_request()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var handler = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        var session = await app.LoginAsync(handler);
        var before = await session.GetAsync("/admin");
        var admin = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Administrator, office.Id));
        var id = await app.WithDbAsync(d => d.Users.Where(u => u.UserName == handler.UserName).Select(u => u.Id).SingleAsync());

        var disabled = await admin.PostFormAsync("/admin/users", "/admin/users?handler=SetDisabled", new() { ["id"] = id, ["disabled"] = "true" });
        var after = await session.GetAsync("/admin");
        var api = await session.GetAsync("/api/audit");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.True(disabled.IsRedirectTo("/admin/users"), $"{(int)disabled.StatusCode}");
        Assert.True(after.IsRedirectTo("/admin/login"), $"{(int)after.StatusCode} {after.Headers.Location}");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Fewer_roles_a_new_agency_or_a_reset_password_end_the_session_at_once()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var moved = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        var relocated = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        var reset = await app.NewStaffAsync(StaffRoles.Handler, office.Id);
        var movedSession = await app.LoginAsync(moved);
        var relocatedSession = await app.LoginAsync(relocated);
        var resetSession = await app.LoginAsync(reset);
        var bureau = await app.AgencyAsync("示例区教育局");

        // What the accounts page does, through the same UserManager calls.
        await ChangeAsync(app, moved.UserName, async (users, user) =>
        {
            await users.RemoveFromRoleAsync(user, StaffRoles.Handler);
            await users.AddToRoleAsync(user, StaffRoles.Supervisor);
            await users.UpdateSecurityStampAsync(user);
        });
        await ChangeAsync(app, relocated.UserName, async (users, user) =>
        {
            user.AgencyId = bureau.Id;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        });
        await ChangeAsync(app, reset.UserName, async (users, user) =>
            await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "another-pass-2026"));

        Assert.True((await movedSession.GetAsync("/admin/appeals/edit")).IsRedirectTo("/admin/login"));
        Assert.True((await relocatedSession.GetAsync("/admin")).IsRedirectTo("/admin/login"));
        Assert.True((await resetSession.GetAsync("/admin")).IsRedirectTo("/admin/login"));
    }

    [Fact]
    public async Task An_account_on_a_one_time_password_can_use_neither_pages_nor_the_api_until_it_chooses_one()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var admin = await app.NewStaffAsync(StaffRoles.Administrator, null, mustChangePassword: true);
        var client = app.Browser();
        var login = await client.PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = admin.UserName, ["Password"] = admin.Password });

        var audit = await client.GetAsync("/api/audit");
        var create = await client.PostAsync("/api/agencies", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var page = await client.GetAsync("/admin/audit");
        var passwordPage = await client.GetAsync("/admin/account/password");

        Assert.True(login.IsRedirectTo("/admin/account/password"));
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
        Assert.Contains("一次性密码", await audit.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.True(page.IsRedirectTo("/admin/account/password"));
        Assert.Equal(HttpStatusCode.OK, passwordPage.StatusCode);
    }

    private static async Task<HttpResponseMessage> LoginFromAsync(HttpClient client, string address, string userName, string password)
    {
        var page = await client.GetStringAsync("/admin/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        // The test server stands behind a loopback "proxy", which is trusted to name the client.
        request.Headers.Add("X-Forwarded-For", address);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Someone_guessing_a_password_slows_down_but_the_owner_still_signs_in_from_elsewhere()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var staff = await app.NewStaffAsync(StaffRoles.Clerk, (await app.AgencyAsync("示例区人民政府办公室")).Id);
        var guesser = app.Browser();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 7; i++)
        {
            answers.Add(await LoginFromAsync(guesser, "198.51.100.7", staff.UserName, "guess-" + i));
        }

        var owner = await LoginFromAsync(app.Browser(), "203.0.113.20", staff.UserName, staff.Password);

        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[5].StatusCode);
        Assert.NotNull(answers[5].Headers.RetryAfter);
        Assert.Contains("秒后再试", await answers[6].Content.ReadAsStringAsync());
        Assert.True(owner.IsRedirectTo("/admin"), $"{(int)owner.StatusCode}");
        var entries = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.UserName == staff.UserName).ToListAsync());
        Assert.Contains(entries, e => e.Action == AuditActions.LoginFailed && e.IpAddress == "198.51.100.7");
        Assert.Contains(entries, e => e.Action == AuditActions.LoginSucceeded && e.IpAddress == "203.0.113.20");
        Assert.DoesNotContain(entries, e => e.Action == AuditActions.LoginLockedOut);
    }

    [Fact]
    public async Task An_unknown_user_name_costs_a_password_hash_like_a_known_one()
    {
        var hasher = new CountingHasher();
        using var app = new GongkaiApp(Db.Sqlite, demoData: false, services: s => s.AddSingleton<IPasswordHasher<StaffUser>>(hasher));
        _ = app.Server;
        await app.WithDbAsync(async _ => 0);
        var known = await app.NewStaffAsync(StaffRoles.Clerk, (await app.NewAgencyAsync(null)).Id);
        var client = app.Browser();

        hasher.Verified = 0;
        await client.PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = known.UserName, ["Password"] = "wrong-password-1" });
        var forKnown = hasher.Verified;
        hasher.Verified = 0;
        await client.PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = "no-such-user", ["Password"] = "wrong-password-1" });
        var forUnknown = hasher.Verified;
        hasher.Verified = 0;
        await client.PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = new string('x', 5000), ["Password"] = "wrong-password-1" });
        var forOverlong = hasher.Verified;

        Assert.Equal(1, forKnown);
        Assert.Equal(1, forUnknown);
        Assert.Equal(1, forOverlong);
    }

    private sealed class CountingHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _real = new();
        public int Verified;

        public string HashPassword(StaffUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verified);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task A_megabyte_user_name_leaves_a_short_clean_line_in_the_audit_log()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var marker = "flood-" + Guid.NewGuid().ToString("N")[..8];
        var name = marker + "\r\n伪造的一行" + new string('A', 1_000_000);

        var response = await app.Browser().PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = name, ["Password"] = "x" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().Where(e => e.UserName.StartsWith(marker)).SingleAsync());
        Assert.True(entry.UserName.Length <= 64, $"{entry.UserName.Length}");
        Assert.True((entry.Target ?? "").Length <= 200);
        Assert.DoesNotContain('\n', entry.UserName + entry.Target);
        Assert.EndsWith("…", entry.UserName);
    }
}
