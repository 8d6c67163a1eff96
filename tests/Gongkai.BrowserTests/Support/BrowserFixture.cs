using Gongkai.Infrastructure;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests.Support;

/// <summary>
/// One test class's world: the app served by Kestrel on a free loopback port, over a fresh database in a temporary
/// folder, and one headless Chromium. Each test opens its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private DirectoryInfo? _dataDirectory;
    private GongkaiWebFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _connectionString;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    private IServiceProvider Services => Factory.Services;

    private GongkaiWebFactory Factory => _factory ?? throw new InvalidOperationException(BrowserEnvironment.MissingChromiumMessage);

    private IBrowser Browser => _browser ?? throw new InvalidOperationException(BrowserEnvironment.MissingChromiumMessage);

    public async Task InitializeAsync()
    {
        // Without Chromium the tests are skipped (or, under CI, fail on first use); starting the app would be wasted.
        if (!BrowserEnvironment.ChromiumIsInstalled)
        {
            return;
        }

        _dataDirectory = Directory.CreateTempSubdirectory("gongkai-browser-");
        _factory = new GongkaiWebFactory(_dataDirectory.FullName);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.Single());
        _connectionString = _factory.Services.GetRequiredService<GongkaiSettings>().ConnectionString;

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>Where the app writes the e-mails it sends when no mail server is set (one .eml per e-mail).</summary>
    public string MailFolder => Path.Combine(_dataDirectory?.FullName ?? throw new InvalidOperationException(BrowserEnvironment.MissingChromiumMessage), "mail");

    /// <summary>A service of the running app (its endpoints, its database).</summary>
    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A fresh, cookie-less browser context whose relative URLs go to the app.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString();
        options.Locale ??= "zh-CN";
        options.TimezoneId ??= "Asia/Shanghai";
        return Browser.NewContextAsync(options);
    }

    /// <summary>A clerk of 示例区人民政府办公室 with a password the test knows (the demo users' passwords are random).</summary>
    public Task<StaffUser> CreateClerkAsync(string userName, string displayName, string password) =>
        CreateStaffAsync(userName, displayName, password, StaffRoles.Clerk);

    /// <summary>A staff member of 示例区人民政府办公室 in the given role, with a password the test knows.</summary>
    public async Task<StaffUser> CreateStaffAsync(string userName, string displayName, string password, string role)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var office = await db.Agencies.SingleAsync(a => a.FullName == "示例区人民政府办公室");
        var user = new StaffUser { UserName = userName, DisplayName = displayName, AgencyId = office.Id, LockoutEnabled = true };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_connectionString is not null)
        {
            // A pooled connection would keep the database file open.
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }

        if (_dataDirectory is not null)
        {
            _dataDirectory.Delete(recursive: true);
        }
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("；", result.Errors.Select(e => e.Description)));
}
