using Npgsql;

namespace Gongkai.Infrastructure.Nodes;

/// <summary>
/// Makes starting up (migrations, roles, holiday schedule, first seed) happen once when several nodes start on one
/// PostgreSQL database at the same moment: a session-level advisory lock held on its own connection; the others
/// wait, then find everything done. SQLite has one node and needs none.
/// </summary>
public static class StartupLock
{
    /// <summary>The advisory lock's key ("gongkai" in ASCII).</summary>
    public const long Key = 0x676F6E676B6169;

    public static async Task<IAsyncDisposable> AcquireAsync(GongkaiSettings settings, CancellationToken ct = default)
    {
        if (settings.Provider != DatabaseProvider.PostgreSQL)
        {
            return NoLock.Instance;
        }

        var connection = await OpenAsync(settings.ConnectionString, ct);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            // Migrating a large database can take minutes: wait as long as it takes.
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(ct);
            return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the database, creating it first when the server does not have it yet (as a migration would).</summary>
    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using (var server = new NpgsqlConnection(maintenance.ConnectionString))
        {
            await server.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ENCODING 'UTF8'", server);
            try
            {
                await create.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another node created it first.
            }
        }

        connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", Key);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing the session releases the lock in any case.
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
