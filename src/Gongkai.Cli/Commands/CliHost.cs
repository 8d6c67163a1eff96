using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Infrastructure;
using Gongkai.Infrastructure.Persistence;
using Gongkai.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary>
/// What every command shares: the output and error streams of one run, and the database opened with the same settings
/// as the web host (optionally overridden, as the tests do).
/// </summary>
internal sealed class CliHost(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settingsOverride)
{
    /// <summary>The name recorded as the actor of changes made from the command line (audit entries, calendar versions, new accounts).</summary>
    public const string Actor = "命令行";

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>
    /// Loads the settings (appsettings.json beside the program, environment variables, then the override), builds the
    /// services and prepares the database (migrations and the bundled holiday schedule).
    /// </summary>
    public async Task<ServiceProvider> OpenAsync(CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settingsOverride ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        var settings = GongkaiSettings.From(configuration, demoDataByDefault: false);
        services.AddGongkaiInfrastructure(settings);
        services.AddGongkaiSearch(settings);
        services.AddGongkaiIdentityCore();
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().PrepareAsync(ct);
        }

        return provider;
    }

    /// <summary>The agency a credit code names; people type codes, so it is normalized first.</summary>
    public static async Task<int> AgencyIdAsync(GongkaiDbContext db, string code, CancellationToken ct)
    {
        var normalized = UnifiedSocialCreditCode.Normalize(code);
        return await db.Agencies.Where(a => a.CreditCode == normalized).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
            ?? throw new CliException($"没有统一社会信用代码为 {normalized} 的机关（用 gongkai agencies list 查看）。");
    }
}

/// <summary>A problem the person at the terminal can fix; shown as one Chinese line, exit code 1.</summary>
public sealed class CliException(string message) : Exception(message);

/// <summary>Progress reported on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SynchronousProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}

/// <summary>
/// A bar on the error stream, redrawn in place (<c>[#####     ] 1234/5000</c>), so that standard output keeps only the
/// result. Reports may come from several indexing threads at once.
/// </summary>
internal sealed class ProgressBar(TextWriter writer, int total) : IProgress<int>
{
    private const int Width = 30;
    private readonly System.Threading.Lock _gate = new();
    private int _shown = -1;

    public void Report(int value)
    {
        lock (_gate)
        {
            if (value <= _shown)
            {
                return;
            }

            _shown = value;
            writer.Write("\r" + Line(value, total));
            writer.Flush();
        }
    }

    public void Finish(int done)
    {
        Report(done);
        lock (_gate)
        {
            writer.WriteLine();
        }
    }

    public static string Line(int done, int total)
    {
        var filled = total <= 0 ? Width : (int)Math.Min(Width, (long)done * Width / total);
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string(' ', Width - filled)}] {done}/{total}");
    }
}
