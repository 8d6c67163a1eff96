using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Security;

/// <summary>
/// Machines that forward requests (a provincial platform, a hotline system): each has a name, the SHA-256 of its
/// key, and the agencies it may file requests with. Configured under <c>Gongkai:ApiClients</c>; the key itself is
/// never stored. Clients send <c>Authorization: ApiKey &lt;key&gt;</c>.
/// </summary>
public sealed class ApiClientOptions
{
    public List<ApiClient> Clients { get; set; } = [];

    public sealed class ApiClient
    {
        public string Name { get; set; } = "";
        public string KeySha256 { get; set; } = "";
        public List<int> AgencyIds { get; set; } = [];
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<ApiClientOptions> clients)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Role = "ApiClient";
    public const string AgencyClaim = "gongkai:api-agency";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var hash = Encoding.UTF8.GetBytes(ApiClientOptions.Hash(header[(SchemeName.Length + 1)..].Trim()));
        var client = clients.CurrentValue.Clients.FirstOrDefault(c =>
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(c.KeySha256.ToLowerInvariant()), hash));
        if (client is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var identity = new ClaimsIdentity(SchemeName);
        identity.AddClaim(new Claim(ClaimTypes.Name, "api:" + client.Name));
        identity.AddClaim(new Claim(ClaimTypes.Role, Role));
        foreach (var agency in client.AgencyIds)
        {
            identity.AddClaim(new Claim(AgencyClaim, agency.ToString(CultureInfo.InvariantCulture)));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    public static bool MayFileWith(ClaimsPrincipal user, int agencyId) =>
        user.HasClaim(AgencyClaim, agencyId.ToString(CultureInfo.InvariantCulture));
}
