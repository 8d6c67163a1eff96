using Npgsql;

namespace Gongkai.IntegrationTests.TestSupport;

public enum Db
{
    Sqlite,
    PostgreSQL,
}

/// <summary>
/// A database of its own for one test host: a SQLite file in a new folder, or a new database on the PostgreSQL
/// server named by GONGKAI_TEST_POSTGRES. PostgreSQL tests run when that variable is set; with CI=true they run
/// anyway and fail without it, so a CI that lost its database cannot pass by skipping.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "GONGKAI_TEST_POSTGRES";

    private TestDatabase(Db kind, string dataDirectory, string? connectionString, string? databaseName)
    {
        Kind = kind;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        DatabaseName = databaseName;
    }

    public Db Kind { get; }
    public string DataDirectory { get; }
    public string? ConnectionString { get; }
    private string? DatabaseName { get; }

    public static bool CiRequiresEverything => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <summary>The embedded provider: every test over both providers has this row (<see cref="PostgresCaseAttribute"/> adds PostgreSQL's).</summary>
    public static TheoryData<Db> Sqlite => new() { Db.Sqlite };

    /// <summary>Why the PostgreSQL cases do not run, or null when they do (a server is named, or CI=true requires them).</summary>
    public static string? PostgresSkipReason =>
        PostgresServer is not null || CiRequiresEverything ? null : $"no PostgreSQL server: set {PostgresVariable} (.ci/run does) to run this case";

    public static TestDatabase Create(Db kind)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("gongkai-test-").FullName;
        if (kind == Db.Sqlite)
        {
            return new TestDatabase(kind, dataDirectory, null, null);
        }

        var server = PostgresServer ?? throw new InvalidOperationException(
            $"CI=true but {PostgresVariable} is not set: the PostgreSQL half of the suite cannot run. .ci/run starts a server and sets it.");
        var name = "gongkai_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0";
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true };
        return new TestDatabase(kind, dataDirectory, builder.ConnectionString, name);
    }

    public IReadOnlyDictionary<string, string?> Settings(bool demoData) => new Dictionary<string, string?>
    {
        ["Gongkai:DataDirectory"] = DataDirectory,
        ["Gongkai:Database:Provider"] = Kind.ToString(),
        ["ConnectionStrings:Gongkai"] = ConnectionString ?? "",
        ["Gongkai:DemoData"] = demoData ? "true" : "false",
    };

    public void Dispose()
    {
        if (DatabaseName is not null && PostgresServer is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>
/// The PostgreSQL row of a test over both providers, next to <c>[MemberData(nameof(TestDatabase.Sqlite))]</c>:
/// reported as skipped, with the reason, when no server is named — never left out silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresCaseAttribute : Xunit.Sdk.DataAttribute
{
    public override string? Skip
    {
        get => TestDatabase.PostgresSkipReason;
        set { }
    }

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [[Db.PostgreSQL]];
}
