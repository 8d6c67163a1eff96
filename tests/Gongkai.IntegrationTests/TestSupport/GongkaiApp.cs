using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.TestSupport;

/// <summary>The real web host on a database of its own (demo data on unless told otherwise).</summary>
public sealed partial class GongkaiApp(Db kind, bool demoData = true, TimeProvider? clock = null, bool demoHistory = false, IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    private static readonly Dictionary<Db, Lazy<GongkaiApp>> Shared = new()
    {
        [Db.Sqlite] = new(() => Start(Db.Sqlite)),
        [Db.PostgreSQL] = new(() => Start(Db.PostgreSQL)),
    };

    public const string ApiKey = "test-api-key-0123456789";

    public TestDatabase Database { get; } = TestDatabase.Create(kind);

    /// <summary>
    /// One host per provider for the whole run; tests make their own agencies and accounts with unique names
    /// so that none depends on another's data. Tests that need an empty database make their own host.
    /// </summary>
    public static GongkaiApp For(Db kind) => Shared[kind].Value;

    private static GongkaiApp Start(Db kind)
    {
        var app = new GongkaiApp(kind);
        _ = app.Server;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => app.Dispose();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The in-memory test server has no socket, so no client address; give it the one Kestrel would report.
        builder.ConfigureServices(s =>
        {
            s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, LoopbackAddressFilter>();
            s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, FailingPathFilter>();
        });
        if (clock is not null)
        {
            Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, s => s.AddSingleton(clock));
        }

        if (services is not null)
        {
            Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, services);
        }
        foreach (var (key, value) in Database.Settings(demoData))
        {
            builder.UseSetting(key, value);
        }

        // The demo's years of casework lock 2020 and 2024 of the demo agencies: only the tests about it ask for it.
        builder.UseSetting("Gongkai:DemoHistory", demoHistory ? "true" : "false");
        // Every test posts, logs in and tracks from the same loopback address; the abuse tests set their own low limits.
        builder.UseSetting("Gongkai:Letters:PerHour", "100000");
        // The checker and letter limits keep their own keys, which their abuse tests set.
        foreach (var limit in Gongkai.Web.Security.RateLimits.Defaults.Where(l => l.Policy is not (Gongkai.Web.Security.RateLimits.Checker or Gongkai.Web.Security.RateLimits.Letters)))
        {
            builder.UseSetting($"Gongkai:RateLimits:{limit.Policy}:PermitLimit", "100000");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        // A forwarding system allowed to file with the demo 示例区人民政府办公室 (id 2 in a fresh demo database).
        builder.UseSetting("Gongkai:ApiClients:0:Name", "test-platform");
        builder.UseSetting("Gongkai:ApiClients:0:KeySha256", Gongkai.Web.Security.ApiClientOptions.Hash(ApiKey));
        builder.UseSetting("Gongkai:ApiClients:0:AgencyIds:0", "2");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }

    private Uri? _loopback;

    /// <summary>Serves on Kestrel at a free port of 127.0.0.1 instead of in memory: requests then travel a real socket.</summary>
    public void StartOnLoopback()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        _loopback = ClientOptions.BaseAddress;
    }

    /// <summary>A browser-like client: cookies, no automatic redirects.</summary>
    public HttpClient Browser() => _loopback is { } address
        ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = address }
        : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithDbAsync<T>(Func<GongkaiDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
    }

    public Task<Agency> AgencyAsync(string fullName) =>
        WithDbAsync(db => db.Agencies.AsNoTracking().SingleAsync(a => a.FullName == fullName));

    /// <summary>A new active agency under <paramref name="parentId"/> with a unique name and a valid, unique credit code.</summary>
    public async Task<Agency> NewAgencyAsync(int? parentId, string? name = null)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var agency = new Agency
        {
            FullName = name ?? "测试机关" + Guid.NewGuid().ToString("N")[..8],
            ShortName = "测试",
            CreditCode = UniqueCreditCode(),
            Level = AgencyLevel.Department,
            ParentId = parentId,
        };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return agency;
    }

    public static string UniqueCreditCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var random = Random.Shared;
        var body = "11" + "888888" + new string(Enumerable.Range(0, 9).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        return body + UnifiedSocialCreditCode.CheckCharacter(body);
    }

    public sealed record Staff(string UserName, string Password, int? AgencyId);

    /// <summary>A request registered in person today at the agency, as a clerk would (<paramref name="change"/> alters the form); returns its id.</summary>
    public async Task<long> NewRequestAsync(int agencyId, string title = "测试申请的信息", Func<Gongkai.Core.Requests.RequestApplication, Gongkai.Core.Requests.RequestApplication>? change = null)
    {
        using var scope = Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<Gongkai.Infrastructure.Requests.RequestStore>();
        var application = new Gongkai.Core.Requests.RequestApplication
        {
            ApplicantType = Gongkai.Core.Requests.ApplicantType.NaturalPerson,
            ApplicantName = "测试申请人",
            IdType = Gongkai.Core.Requests.IdentityDocumentType.ResidentIdCard,
            IdNumber = "11010519491231002X",
            Phone = "13800138000",
            InformationTitle = title,
            ProvisionForm = Gongkai.Core.Requests.ProvisionForm.Paper,
            ObtainMethod = Gongkai.Core.Requests.ObtainMethod.PickUp,
        };
        var created = await store.CreateAsync(agencyId, change?.Invoke(application) ?? application, Gongkai.Core.Requests.Channel.InPerson,
            new Gongkai.Core.Requests.Actor("test-clerk", "测试登记员"), store.Today(), null, []);
        return created.Record.Id;
    }

    /// <summary>A staff account with a known password, in the given agency (null: platform administrator).</summary>
    public async Task<Staff> NewStaffAsync(string role, int? agencyId, bool mustChangePassword = false)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var name = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..8];
        const string password = "test-pass-2026";
        var user = new StaffUser { UserName = name, DisplayName = "测试" + role, AgencyId = agencyId, LockoutEnabled = true, MustChangePassword = mustChangePassword };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return new Staff(name, password, agencyId);
    }

    /// <summary>A browser-like client logged in through the real login form.</summary>
    public async Task<HttpClient> LoginAsync(Staff staff)
    {
        var client = Browser();
        var response = await client.PostFormAsync("/admin/login", "/admin/login", new() { ["UserName"] = staff.UserName, ["Password"] = staff.Password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login of {staff.UserName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

internal sealed class LoopbackAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(nextMiddleware => context =>
        {
            context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>Paths ending in /test-failure throw inside the real pipeline, to show what people and machines see then.</summary>
internal sealed class FailingPathFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        next(app);
        // Runs after routing found no endpoint, inside the host's exception handling.
        app.Use(nextMiddleware => context => context.Request.Path.Value?.EndsWith("/test-failure", StringComparison.Ordinal) == true
            ? throw new InvalidOperationException("secret-stack-detail")
            : nextMiddleware(context));
    };
}

/// <summary>A clock that stands still at the given moment until a test moves it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public static FixedClock At(string iso) => new(DateTimeOffset.Parse(iso, global::System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Moves to 10:00 Beijing time on the given day.</summary>
    public void Set(string isoDate) => Now = DateTimeOffset.Parse(isoDate + "T10:00:00+08:00", global::System.Globalization.CultureInfo.InvariantCulture);

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}

public static partial class FormPosting
{
    public static bool IsRedirectTo(this HttpResponseMessage response, string path)
    {
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location)
        {
            return false;
        }

        var target = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        return target.StartsWith(path, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads the antiforgery token from <paramref name="formPage"/> as a browser would, then posts the form.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(formPage);
        var token = TokenPattern().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {formPage}.");
        }

        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))));
        return await client.PostAsync(action, content);
    }

    /// <summary>Posts a multipart form with one file, as a browser would after loading <paramref name="formPage"/> for its antiforgery token.</summary>
    public static Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string formPage, string action, Dictionary<string, string> fields, string fileField, string fileName, byte[] content) =>
        client.PostFilesAsync(formPage, action, fields, fileField, (fileName, content));

    /// <summary>Posts a multipart form with any number of files (none too), after loading <paramref name="formPage"/> for its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFilesAsync(this HttpClient client, string formPage, string action, Dictionary<string, string> fields, string fileField, params (string Name, byte[] Content)[] files)
    {
        var page = await client.GetStringAsync(formPage);
        var token = TokenPattern().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {formPage}.");
        }

        using var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, fileField, name);
        }

        return await client.PostAsync(action, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
