using System.Net;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Security;

/// <summary>Production defaults: the public address, proxies, HSTS, private data files, encrypted keys, no passwords in the log, honest error pages.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Feeds_and_the_sitemap_link_to_the_configured_address_never_to_the_host_header()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var client = app.Browser();

        foreach (var path in new[] { "/sitemap.xml", "/feeds/publications.atom", "/feeds/publications.rss" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "evil.example";
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("evil.example", body);
        }
    }

    [Fact]
    public async Task With_an_https_public_address_cookies_are_secure_hsts_is_sent_and_other_hosts_are_refused()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoData: false, settings: new Dictionary<string, string>
        {
            ["Gongkai:Hosting:PublicBaseUrl"] = "https://gk.example.gov.cn",
        });
        var client = app.Browser();

        using var behindProxy = new HttpRequestMessage(HttpMethod.Get, "/admin/login");
        behindProxy.Headers.Host = "gk.example.gov.cn";
        behindProxy.Headers.Add("X-Forwarded-Proto", "https");
        var page = await client.SendAsync(behindProxy);
        using var sitemapRequest = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        sitemapRequest.Headers.Host = "gk.example.gov.cn";
        var sitemap = await (await client.SendAsync(sitemapRequest)).Content.ReadAsStringAsync();
        using var otherHost = new HttpRequestMessage(HttpMethod.Get, "/");
        otherHost.Headers.Host = "evil.example";
        var refused = await client.SendAsync(otherHost);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"));
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("https://gk.example.gov.cn/", sitemap);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_data_directory_and_the_database_are_readable_by_the_service_user_only()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoData: false);
        _ = app.Server;
        await app.Browser().GetAsync("/admin/login");

        var directory = File.GetUnixFileMode(app.Database.DataDirectory);
        var database = File.GetUnixFileMode(Path.Combine(app.Database.DataDirectory, "gongkai.db"));

        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        Assert.Equal(UnixFileMode.None, directory & others);
        Assert.Equal(UnixFileMode.None, database & others);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Sqlite), MemberType = typeof(TestDatabase))]
    [PostgresCase]
    public async Task Data_protection_keys_are_stored_encrypted(Db db)
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var app = new GongkaiApp(db, demoData: false, settings: new Dictionary<string, string> { ["Gongkai:DataProtection:Key"] = key });
        var client = app.Browser();

        // A form needs an antiforgery token, which needs a key; posting it proves the encrypted key reads back.
        var page = await client.GetAsync("/admin/login");
        var post = await client.PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = "nobody", ["Password"] = "x" });
        var xml = await app.WithDbAsync(d => d.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.NotEmpty(xml);
        Assert.All(xml, x =>
        {
            Assert.Contains("aesGcm", x);
            Assert.DoesNotContain("<masterKey", x);
        });
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_shared_folder_such_as_tmp_is_refused_as_the_data_directory_and_left_as_it_was()
    {
        var shared = Directory.CreateTempSubdirectory("gongkai-shared-").FullName;
        File.SetUnixFileMode(shared, (UnixFileMode)Convert.ToInt32("1777", 8));
        try
        {
            var refused = Assert.Throws<InvalidOperationException>(() => Gongkai.Infrastructure.DataDirectory.EnsurePrivate(shared));

            Assert.Contains("shared folder", refused.Message);
            Assert.Equal((UnixFileMode)Convert.ToInt32("1777", 8), File.GetUnixFileMode(shared));
        }
        finally
        {
            Directory.Delete(shared);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_first_run_one_time_password_goes_to_a_private_file_not_to_the_console()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoData: false);
        _ = app.Server;
        var file = Path.Combine(app.Database.DataDirectory, Gongkai.Web.GongkaiWeb.CredentialsFile);
        var written = await File.ReadAllTextAsync(file);
        var password = System.Text.RegularExpressions.Regex.Match(written, "密码 (\\S+?)（").Groups[1].Value;
        using var console = new StringWriter();
        Gongkai.Web.GongkaiWeb.ShowCredentials([new("admin", password, Gongkai.Infrastructure.Identity.StaffRoles.Administrator, OneTime: true)], file, console);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.True(password.Length >= 12, written);
        Assert.DoesNotContain(password, console.ToString());
        Assert.Contains(file, console.ToString());
        var login = await app.Browser().PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = "admin", ["Password"] = password });
        Assert.True(login.IsRedirectTo("/admin/account/password"));
    }

    [Fact]
    public async Task Error_pages_name_the_real_status_whatever_the_form_posted()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var client = app.Browser();

        // No antiforgery token, and a field that used to be read as the status.
        var missingToken = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "404", ["UserName"] = "a" }));
        var missingPage = await client.GetAsync("/no-such-page");
        var failure = await client.GetAsync("/catalog/test-failure");

        Assert.Equal(HttpStatusCode.BadRequest, missingToken.StatusCode);
        Assert.Contains("请求有误", await missingToken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missingPage.StatusCode);
        Assert.Contains("页面不存在", await missingPage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.DoesNotContain("secret-stack-detail", await failure.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_told_as_too_large_on_pages_and_the_api()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var client = app.Browser();
        var huge = new byte[70 * 1024 * 1024];

        var apply = await client.PostFileAsync("/apply", "/apply", [], "Attachments", "a.pdf", huge);
        var api = await client.PostAsync("/api/check", new ByteArrayContent(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, apply.StatusCode);
        Assert.Contains("超过 60 MB", WebUtility.HtmlDecode(await apply.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        Assert.Contains("MB", await api.Content.ReadAsStringAsync());
    }
}
