using Microsoft.Extensions.Configuration;

namespace Gongkai.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

/// <summary>
/// Settings shared by the web host and the CLI. Configuration keys: <c>Gongkai:DataDirectory</c>,
/// <c>Gongkai:Database:Provider</c> (Sqlite | PostgreSQL), <c>ConnectionStrings:Gongkai</c>, <c>Gongkai:DemoData</c>.
/// Environment variables use double underscores: <c>Gongkai__Database__Provider=PostgreSQL</c>.
/// </summary>
public sealed record GongkaiSettings(string DataDirectory, DatabaseProvider Provider, string ConnectionString, bool DemoData)
{
    /// <summary>A TrueType CJK font for PDFs (<c>Gongkai:Documents:FontFile</c>); without it the usual Debian fonts are tried.</summary>
    public string? FontFile { get; init; }

    public MailSettings Mail { get; init; } = new();

    /// <summary>Limits for reading uploaded files (<c>Gongkai:Uploads</c>, docs/security.md).</summary>
    public Files.UntrustedFileLimits Uploads { get; init; } = Files.UntrustedFileLimits.Default;

    /// <summary>The portal's registration marks in its footer (<c>Gongkai:Site</c>).</summary>
    public SiteSettings Site { get; init; } = new();

    /// <summary><c>Gongkai:Node:Name</c>: this node's name among several (<see cref="Nodes.NodeIdentity"/>).</summary>
    public string? NodeName { get; init; }

    /// <summary>With the demo data, also years of fictional casework and published reports (<c>Gongkai:DemoHistory</c>, default true).</summary>
    public bool DemoHistory { get; init; } = true;

    public static GongkaiSettings From(IConfiguration configuration, bool demoDataByDefault)
    {
        var dataDirectory = ResolveDataDirectory(configuration["Gongkai:DataDirectory"]);
        var providerText = configuration["Gongkai:Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var p) ? p
            : throw new InvalidOperationException($"Gongkai:Database:Provider must be Sqlite or PostgreSQL, not '{providerText}'.");
        var connectionString = configuration.GetConnectionString("Gongkai");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataDirectory, "gongkai.db")}"
                : throw new InvalidOperationException("PostgreSQL needs ConnectionStrings:Gongkai (e.g. Host=127.0.0.1;Port=5432;Username=gongkai;Password=...;Database=gongkai).");
        }

        var demoData = configuration.GetValue("Gongkai:DemoData", demoDataByDefault);
        var mail = new MailSettings { PickupDirectory = Path.Combine(dataDirectory, "mail") };
        configuration.GetSection("Gongkai:Mail").Bind(mail);
        return new GongkaiSettings(dataDirectory, provider, connectionString, demoData)
        {
            FontFile = configuration["Gongkai:Documents:FontFile"],
            Mail = mail,
            DemoHistory = configuration.GetValue("Gongkai:DemoHistory", true),
            Uploads = configuration.GetSection("Gongkai:Uploads").Get<Files.UntrustedFileLimits>() ?? Files.UntrustedFileLimits.Default,
            Site = configuration.GetSection("Gongkai:Site").Get<SiteSettings>() ?? new(),
            NodeName = configuration["Gongkai:Node:Name"],
        };
    }

    /// <summary>
    /// An explicit setting wins (relative to the working directory). Otherwise, when running from a source checkout,
    /// <c>data/</c> at the repository root, so that the web host and the CLI share one database; else <c>./data</c>.
    /// </summary>
    public static string ResolveDataDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        return Path.GetFullPath("data");
    }
}

/// <summary><c>Gongkai:Mail</c>: an SMTP server, or (without Host) a pickup folder of .eml files.</summary>
public sealed class MailSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; } = true;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "gongkai@localhost";
    public string PickupDirectory { get; set; } = "data/mail";
}

/// <summary>
/// What a government website must show in its footer (《政府网站发展指引》): the 网站标识码 issued for the site, the
/// ICP filing number and the public-security filing number. Keys <c>Gongkai:Site:IdentifierCode</c>,
/// <c>Gongkai:Site:IcpNumber</c>, <c>Gongkai:Site:PoliceNumber</c>; each shown only when set.
/// </summary>
public sealed record SiteSettings
{
    /// <summary>网站标识码, e.g. 9999000001.</summary>
    public string? IdentifierCode { get; init; }

    /// <summary>ICP备案号, e.g. 示ICP备00000000号; linked to beian.miit.gov.cn.</summary>
    public string? IcpNumber { get; init; }

    /// <summary>公安机关备案号, e.g. 示公网安备 99999902000001号; linked to beian.mps.gov.cn.</summary>
    public string? PoliceNumber { get; init; }
}
