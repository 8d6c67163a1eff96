using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using Gongkai.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace Gongkai.Web.Security;

/// <summary>
/// What the host must know about the world in front of it, under <c>Gongkai:Hosting</c>:
/// <list type="bullet">
/// <item><c>PublicBaseUrl</c>: the address the public uses (https://gk.example.gov.cn). Links in feeds, the sitemap
/// and e-mails are made from it, never from the request's Host header. With https, cookies are Secure and HSTS is sent.</item>
/// <item><c>TrustedProxies</c>: addresses or networks (10.0.0.5, 10.0.0.0/24) of reverse proxies whose
/// X-Forwarded-For and X-Forwarded-Proto are believed. Loopback is always trusted. Without this, every visitor
/// behind a proxy shares the proxy's address and per-client limits become global.</item>
/// </list>
/// <c>AllowedHosts</c> (the framework's own key) defaults to the public URL's host plus loopback when a public URL is set.
/// Data-protection keys (which sign cookies and antiforgery tokens) are encrypted at rest: with
/// <c>Gongkai:DataProtection:Key</c> (32 random bytes in base64, the same on every node), else with a certificate
/// (<c>Gongkai:DataProtection:CertificateFile</c>, <c>…:CertificatePassword</c>), else — one node on SQLite — with a key
/// the host makes once in the data directory (0600).
/// </summary>
public static class HostingSecurity
{
    public sealed record Settings(Uri PublicBaseUrl, bool PublicUrlConfigured, IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks)
    {
        public bool Https => PublicBaseUrl.Scheme == Uri.UriSchemeHttps;

        /// <summary>The public address of a path on this site.</summary>
        public string Link(string path) => new Uri(PublicBaseUrl, path).ToString();

        public string Origin => PublicBaseUrl.GetLeftPart(UriPartial.Authority);
    }

    public static Settings Read(IConfiguration configuration)
    {
        var configured = configuration["Gongkai:Hosting:PublicBaseUrl"];
        Uri url;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Uri.TryCreate(configured, UriKind.Absolute, out url!) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"Gongkai:Hosting:PublicBaseUrl must be an absolute http(s) address, not '{configured}'.");
            }
        }
        else
        {
            // Development: the first address the host listens on, with a wildcard host read as localhost.
            var first = (configuration["Urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
            first = first.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
            url = Uri.TryCreate(first, UriKind.Absolute, out var listened) ? listened : new Uri("http://localhost:5080");
        }

        if (!url.AbsolutePath.EndsWith('/'))
        {
            url = new Uri(url + "/");
        }

        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in configuration.GetSection("Gongkai:Hosting:TrustedProxies").Get<string[]>() ?? [])
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"Gongkai:Hosting:TrustedProxies: '{entry}' is neither an address nor a network (a.b.c.d/n).");
            }
        }

        return new Settings(url, !string.IsNullOrWhiteSpace(configured), proxies, networks);
    }

    public static IServiceCollection AddHostingSecurity(this IServiceCollection services, IConfiguration configuration, GongkaiSettings gongkai)
    {
        var settings = Read(configuration);
        services.AddSingleton(settings);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in settings.Proxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in settings.Networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });

        var allowed = configuration["AllowedHosts"];
        if (settings.PublicUrlConfigured && (string.IsNullOrWhiteSpace(allowed) || allowed.Trim() == "*"))
        {
            services.Configure<HostFilteringOptions>(o => o.AllowedHosts = [settings.PublicBaseUrl.Host, "localhost", "127.0.0.1", "[::1]"]);
        }

        if (settings.Https)
        {
            services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
            services.AddHsts(o =>
            {
                o.MaxAge = TimeSpan.FromDays(365);
                o.IncludeSubDomains = false;
            });
        }

        ProtectKeys(services, configuration, gongkai);
        return services;
    }

    public static WebApplication UseHostingSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var settings = app.Services.GetRequiredService<Settings>();
        if (app.Environment.IsProduction())
        {
            // Said once at start, where an operator looks: what docs/security.md asks them to set.
            var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Gongkai.Security");
            if (!settings.PublicUrlConfigured)
            {
                log.LogWarning("Gongkai:Hosting:PublicBaseUrl is not set: links use {Url}, cookies are not marked Secure and no HSTS is sent (docs/security.md).", settings.PublicBaseUrl);
            }

            if (app.Services.GetService<KeyEncryptionKey>() is null && string.IsNullOrWhiteSpace(app.Configuration["Gongkai:DataProtection:CertificateFile"]))
            {
                log.LogWarning("Data-protection keys are stored unencrypted: set Gongkai:DataProtection:Key (docs/security.md).");
            }
        }

        if (settings.Https)
        {
            app.UseHsts();
            app.UseCookiePolicy();
        }

        return app;
    }

    private static void ProtectKeys(IServiceCollection services, IConfiguration configuration, GongkaiSettings gongkai)
    {
        var keyText = configuration["Gongkai:DataProtection:Key"];
        var certificateFile = configuration["Gongkai:DataProtection:CertificateFile"];
        byte[]? key = null;
        if (!string.IsNullOrWhiteSpace(keyText))
        {
            try
            {
                key = Convert.FromBase64String(keyText.Trim());
            }
            catch (FormatException)
            {
                key = null;
            }

            if (key is not { Length: 32 })
            {
                throw new InvalidOperationException("Gongkai:DataProtection:Key must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`).");
            }
        }
        else if (!string.IsNullOrWhiteSpace(certificateFile))
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificateFile, configuration["Gongkai:DataProtection:CertificatePassword"]);
            services.AddDataProtection().ProtectKeysWithCertificate(certificate);
            return;
        }
        else if (gongkai.Provider == DatabaseProvider.Sqlite)
        {
            key = LocalKey(Path.Combine(gongkai.DataDirectory, "data-protection.key"));
        }

        if (key is not null)
        {
            services.AddSingleton(new KeyEncryptionKey(key));
            services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new AesGcmXmlEncryptor(key));
        }
    }

    private static byte[] LocalKey(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        var key = RandomNumberGenerator.GetBytes(32);
        DataDirectory.WritePrivateFile(path, Convert.ToBase64String(key));
        return key;
    }

    /// <summary>The key that encrypts the data-protection key ring at rest.</summary>
    public sealed record KeyEncryptionKey(byte[] Key);

    /// <summary>AES-256-GCM over a key's XML; the decryptor finds the same key in the services.</summary>
    public sealed class AesGcmXmlEncryptor(byte[] key) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement)
        {
            var plain = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
            var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
            var cipher = new byte[plain.Length];
            var tag = new byte[AesGcm.TagByteSizes.MaxSize];
            using (var aes = new AesGcm(key, tag.Length))
            {
                aes.Encrypt(nonce, plain, cipher, tag);
            }

            var element = new XElement("aesGcm",
                new XComment(" The data-protection key, encrypted with Gongkai:DataProtection:Key (AES-256-GCM). "),
                new XElement("nonce", Convert.ToBase64String(nonce)),
                new XElement("tag", Convert.ToBase64String(tag)),
                new XElement("value", Convert.ToBase64String(cipher)));
            return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
        }
    }

    public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
    {
        public XElement Decrypt(XElement encryptedElement)
        {
            var key = services.GetService<KeyEncryptionKey>()?.Key
                ?? throw new InvalidOperationException("The data-protection key ring is encrypted, but Gongkai:DataProtection:Key is not set.");
            var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
            var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
            var cipher = Convert.FromBase64String((string)encryptedElement.Element("value")!);
            var plain = new byte[cipher.Length];
            using (var aes = new AesGcm(key, tag.Length))
            {
                aes.Decrypt(nonce, cipher, tag, plain);
            }

            return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
        }
    }
}
