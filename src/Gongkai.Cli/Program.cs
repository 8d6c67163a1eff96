using System.Globalization;
using Gongkai.Cli;

// Help and parse errors in Chinese where the command-line library has translations.
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
return await GongkaiCli.RunAsync(args, Console.Out, Console.Error);
