using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.BrowserTests.Support;

/// <summary>The real web host on its own SQLite file, seeded with the fictional 示例区.</summary>
public sealed class GongkaiWebFactory(string dataDirectory) : WebApplicationFactory<global::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: with minimal hosting the latter runs after AddGongkai has read them.
        builder.UseSetting("Gongkai:DataDirectory", dataDirectory);
        builder.UseSetting("Gongkai:Database:Provider", "Sqlite");
        builder.UseSetting("Gongkai:DemoData", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
