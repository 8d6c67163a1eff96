using Gongkai.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.IntegrationTests.Persistence;

/// <summary>Request attachments moving into StoredFiles: every byte kept, each content once.</summary>
public sealed class RequestAttachmentMigrationTests
{
    private const string Before = "20261129070237_Interaction";

    [Fact]
    public void Attachments_written_before_the_migration_keep_their_bytes_and_are_stored_once_per_content()
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-migration-");
        var connectionString = $"Data Source={Path.Combine(folder.FullName, "old.db")};Pooling=False";
        try
        {
            var options = new DbContextOptionsBuilder<SqliteGongkaiDbContext>();
            PersistenceServices.ConfigureSqlite(options, connectionString);
            using (var db = new SqliteGongkaiDbContext(options.Options))
            {
                db.GetService<IMigrator>().Migrate(Before);
            }

            byte[] scan = [.. "%PDF-1.4 扫描件"u8], letter = [.. "%PDF-1.4 委托书"u8];
            using (var connection = new SqliteConnection(connectionString))
            {
                connection.Open();
                Insert(connection, "Agencies", new() { ["Id"] = 1 });
                Insert(connection, "Requests", new() { ["Id"] = 1, ["AgencyId"] = 1, ["CreatedAt"] = 42L });
                Insert(connection, "Requests", new() { ["Id"] = 2, ["AgencyId"] = 1, ["TrackingCode"] = "OTHER", ["CreatedAt"] = 43L });
                Insert(connection, "RequestAttachments", new() { ["Id"] = 1, ["RequestId"] = 1, ["Sha256"] = "aa", ["Size"] = scan.Length, ["Content"] = scan });
                Insert(connection, "RequestAttachments", new() { ["Id"] = 2, ["RequestId"] = 2, ["Sha256"] = "aa", ["Size"] = scan.Length, ["Content"] = scan });
                Insert(connection, "RequestAttachments", new() { ["Id"] = 3, ["RequestId"] = 2, ["Sha256"] = "bb", ["Size"] = letter.Length, ["Content"] = letter });
            }

            using (var db = new SqliteGongkaiDbContext(options.Options))
            {
                db.Database.Migrate();
                var files = db.StoredFiles.AsNoTracking().OrderBy(f => f.Sha256).Select(f => new { f.Sha256, f.Content }).ToList();
                var attachments = db.RequestAttachments.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Sha256).ToList();

                Assert.Equal(["aa", "bb"], files.Select(f => f.Sha256));
                Assert.Equal(scan, files[0].Content);
                Assert.Equal(letter, files[1].Content);
                Assert.Equal(42L, db.Database.SqlQueryRaw<long>("SELECT \"CreatedAt\" AS \"Value\" FROM \"StoredFiles\" WHERE \"Sha256\" = 'aa'").Single());
                Assert.Equal(["aa", "aa", "bb"], attachments);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A row with the given values and a placeholder in every other required column.</summary>
    private static void Insert(SqliteConnection connection, string table, Dictionary<string, object> values)
    {
        using (var info = connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info(\"{table}\")";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                var (name, type, required, hasDefault) = (reader.GetString(1), reader.GetString(2), reader.GetInt32(3) == 1, !reader.IsDBNull(4));
                if (required && !hasDefault && !values.ContainsKey(name))
                {
                    values[name] = type switch
                    {
                        "INTEGER" => 0L,
                        "BLOB" => Array.Empty<byte>(),
                        "REAL" => 0.0,
                        _ => table + "-" + name,
                    };
                }
            }
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", values.Keys.Select(k => $"\"{k}\""))}) VALUES ({string.Join(", ", values.Keys.Select((_, i) => $"$p{i}"))})";
        foreach (var (value, i) in values.Values.Select((v, i) => (v, i)))
        {
            insert.Parameters.AddWithValue($"$p{i}", value);
        }

        insert.ExecuteNonQuery();
    }
}
