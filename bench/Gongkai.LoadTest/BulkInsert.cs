using System.Data.Common;
using System.Globalization;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

// Rows gathered in memory and written in one go: on SQLite one prepared single-row INSERT, run for every row (SQLite's
// fastest way in); on PostgreSQL multi-row INSERTs of a few hundred rows each.
sealed class BulkInsert(GongkaiDbContext db, string table, params string[] columns)
{
    private static readonly DateTimeOffsetToBinaryConverter ToBinary = new();
    private readonly List<object?[]> _rows = [];

    public void Add(params object?[] values) => _rows.Add(values);

    public async Task FlushAsync(DbTransaction transaction)
    {
        var perStatement = db is SqliteGongkaiDbContext ? 1 : Math.Min(500, 20_000 / columns.Length);
        var connection = db.Database.GetDbConnection();
        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        DbCommand? command = null;
        try
        {
            for (var offset = 0; offset < _rows.Count; offset += perStatement)
            {
                var rows = Math.Min(perStatement, _rows.Count - offset);
                if (command is null || command.Parameters.Count != rows * columns.Length)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    var text = new System.Text.StringBuilder(head);
                    for (var r = 0; r < rows; r++)
                    {
                        text.Append(r == 0 ? "(" : ", (");
                        for (var c = 0; c < columns.Length; c++)
                        {
                            var name = "@p" + (r * columns.Length + c).ToString(CultureInfo.InvariantCulture);
                            text.Append(c == 0 ? name : ", " + name);
                            var parameter = command.CreateParameter();
                            parameter.ParameterName = name;
                            command.Parameters.Add(parameter);
                        }

                        text.Append(')');
                    }

                    command.CommandText = text.ToString();
                    if (perStatement == 1)
                    {
                        await command.PrepareAsync();
                    }
                }

                for (var r = 0; r < rows; r++)
                {
                    for (var c = 0; c < columns.Length; c++)
                    {
                        command.Parameters[r * columns.Length + c].Value = Value(db, _rows[offset + r][c]);
                    }
                }

                await command.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }

        _rows.Clear();
    }

    /// <summary>
    /// A value as each provider's column stores it: enums by name; on SQLite dates as ISO text and instants in EF's
    /// binary encoding, on PostgreSQL instants in UTC.
    /// </summary>
    public static object Value(GongkaiDbContext db, object? value) => value switch
    {
        null => DBNull.Value,
        Enum e => e.ToString(),
        DateOnly d when db is SqliteGongkaiDbContext => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t when db is SqliteGongkaiDbContext => ToBinary.ConvertToProvider(t)!,
        DateTimeOffset t => t.ToUniversalTime(),
        _ => value,
    };
}
