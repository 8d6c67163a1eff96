using System.Diagnostics;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Persistence;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.IntegrationTests.Deployment;

/// <summary>
/// deploy/postgres/backup.sh and restore.sh, run as an operator runs them, on a database the real host migrated and
/// wrote: what comes back opens with the app's DbContext, holds the records, needs no migration and still refuses to
/// change its histories.
/// </summary>
public sealed class BackupRestoreTests
{
    private sealed record Run(int ExitCode, string Output, string Error);

    [Theory]
    [PostgresCase]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_backup_restored_into_a_new_database_has_the_records_and_keeps_the_audit_log_append_only(Db db)
    {
        using var app = new GongkaiApp(db, demoData: false);
        var agency = await app.NewAgencyAsync(null, "备份演练机关" + Guid.NewGuid().ToString("N")[..6]);
        var requestId = await app.NewRequestAsync(agency.Id, "备份演练申请的信息");
        var marker = "restore-drill-" + Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(d =>
        {
            d.AuditEntries.Add(new AuditEntry { At = new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero), UserName = "命令行", Action = AuditActions.AgencyCreated, Target = marker, AgencyId = agency.Id });
            return d.SaveChangesAsync();
        });
        var audits = await app.WithDbAsync(d => d.AuditEntries.CountAsync());
        var events = await app.WithDbAsync(d => d.RequestEvents.CountAsync());

        var server = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString);
        var backups = Directory.CreateTempSubdirectory("gongkai-backup-");
        var restored = "gongkai_restored_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var backup = await RunAsync("backup.sh", server, "--database", server.Database!, "--dir", backups.FullName, "--keep-days", "7");
            Assert.True(backup.ExitCode == 0, backup.Error);
            var file = backup.Output.Trim().Split('\n')[^1];
            Assert.Matches(@"-\d{8}T\d{6}Z\.dump$", file);
            Assert.True(File.Exists(file), file);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Empty(Directory.GetFiles(backups.FullName, "*.partial"));

            var restore = await RunAsync("restore.sh", server, "--owner", server.Username!, file, restored);
            Assert.True(restore.ExitCode == 0, restore.Error);
            Assert.Contains($"Database={restored}", restore.Error);

            await using (var copy = Open(server, restored))
            {
                Assert.Empty(await copy.Database.GetPendingMigrationsAsync());
                Assert.Equal(agency.FullName, await copy.Agencies.Where(a => a.Id == agency.Id).Select(a => a.FullName).SingleAsync());
                Assert.Equal("备份演练申请的信息", await copy.Requests.Where(r => r.Id == requestId).Select(r => r.InformationTitle).SingleAsync());
                Assert.Equal(audits, await copy.AuditEntries.CountAsync());
                Assert.Equal(events, await copy.RequestEvents.CountAsync());
                Assert.Equal(1, await copy.AuditEntries.CountAsync(e => e.Target == marker));

                // The append-only triggers came back with the schema.
                var update = await Record.ExceptionAsync(() => copy.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Details\" = 'x' WHERE \"Target\" = {marker}"));
                var delete = await Record.ExceptionAsync(() => copy.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Target\" = {marker}"));
                Assert.Contains("append-only", update?.Message + update?.InnerException?.Message);
                Assert.Contains("append-only", delete?.Message + delete?.InnerException?.Message);
                Assert.Null(await copy.AuditEntries.Where(e => e.Target == marker).Select(e => e.Details).SingleAsync());
            }

            // A database that holds tables is never overwritten by mistake.
            var again = await RunAsync("restore.sh", server, "--owner", server.Username!, file, restored);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("refusing to overwrite", again.Error);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres" }.ConnectionString))
            {
                await connection.OpenAsync();
                await using var drop = connection.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{restored}\" WITH (FORCE)";
                await drop.ExecuteNonQueryAsync();
            }

            backups.Delete(recursive: true);
        }
    }

    /// <summary>The restored database, opened as the host opens its own.</summary>
    private static PostgresGongkaiDbContext Open(NpgsqlConnectionStringBuilder server, string database)
    {
        var options = new DbContextOptionsBuilder<PostgresGongkaiDbContext>();
        PersistenceServices.ConfigurePostgres(options, new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database, Pooling = false }.ConnectionString);
        return new PostgresGongkaiDbContext(options.Options);
    }

    /// <summary>A script of deploy/postgres under bash, connected through the libpq variables an operator would set.</summary>
    private static async Task<Run> RunAsync(string script, NpgsqlConnectionStringBuilder server, params string[] args)
    {
        var start = new ProcessStartInfo("/bin/bash", [Path.Combine(Documents.RepositoryRoot(), "deploy", "postgres", script), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = server.Username;
        start.Environment.Remove("PGDATABASE");
        if (!string.IsNullOrEmpty(server.Password))
        {
            start.Environment["PGPASSWORD"] = server.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"bash did not start {script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await error);
    }
}
