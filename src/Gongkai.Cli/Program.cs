using System.Globalization;

namespace Gongkai.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        // Help and parse errors in Chinese where the command-line library has translations.
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        return GongkaiCli.RunAsync(args, Console.Out, Console.Error);
    }
}
