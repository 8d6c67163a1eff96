using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gongkai.IntegrationTests.TestSupport;

/// <summary>
/// The web host as a real process of its own (<c>dotnet Gongkai.Web.dll</c>), on a loopback port, with its own data
/// folder: what a node of a deployment is. Killed with SIGKILL when the test says so, or at the end.
/// </summary>
public sealed class WebNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private WebNode(string name, Process process, Uri address, string dataDirectory)
    {
        Name = name;
        _process = process;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public string Name { get; }

    public Uri Address { get; }

    public string DataDirectory { get; }

    /// <summary>What the node wrote to its console so far (for a failing assertion's message).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The built web host beside this test assembly's configuration (Debug or Release).</summary>
    public static string WebAssembly
    {
        get
        {
            var tests = new DirectoryInfo(AppContext.BaseDirectory); // tests/Gongkai.IntegrationTests/bin/{Configuration}/net10.0/
            var framework = tests.Name;
            var configuration = tests.Parent!.Name;
            var root = RepositoryRoot;
            return Path.Combine(root, "src", "Gongkai.Web", "bin", configuration, framework, "Gongkai.Web.dll");
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Gongkai.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Starts a node on <paramref name="database"/> with <paramref name="settings"/> (configuration keys, e.g. <c>Gongkai:Node:Name</c>).</summary>
    public static WebNode Start(string name, TestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var dataDirectory = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "node-" + name)).FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        start.ArgumentList.Add(WebAssembly);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.Combine(RepositoryRoot, "src", "Gongkai.Web"));
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["URLS"] = $"http://127.0.0.1:{port}",
            ["Gongkai:DataDirectory"] = dataDirectory,
            ["Gongkai:Database:Provider"] = database.Kind.ToString(),
            ["ConnectionStrings:Gongkai"] = database.ConnectionString ?? "",
            ["Gongkai:DemoData"] = "false",
            ["Gongkai:Node:Name"] = name,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new WebNode(name, process, new Uri($"http://127.0.0.1:{port}"), dataDirectory);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>A client of this node: cookies kept, redirects not followed (like <see cref="GongkaiApp.Browser"/>).</summary>
    public HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = Address,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Waits until <c>/healthz</c> answers 200.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = Client();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Node {Name} exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Node {Name} not healthy after {timeout}:\n{Log}");
    }

    /// <summary>SIGKILL: no shutdown, no flushing — what a power cut or the OOM killer does.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.Length < 200_000)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
