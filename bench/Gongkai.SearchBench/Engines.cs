using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using LuceneDirectory = Lucene.Net.Store.Directory;
using LuceneFSDirectory = Lucene.Net.Store.FSDirectory;

namespace Gongkai.SearchBench;

public static class Queries
{
    /// <summary>1–3 word queries as a visitor types them into the search box.</summary>
    public static readonly string[] All =
    [
        "行政复议", "营商环境 政策", "复议", "公开", "低保 标准", "老旧小区改造 资金", "乡村振兴", "政府信息公开 申请",
        "安全生产 隐患 整改", "医保", "学区", "财政预算 公开", "医保基金 监管", "养老服务 补贴",
    ];

    /// <summary>The terms whose true document set is known: five 2-character words and two controls of 4 characters.</summary>
    public static readonly string[] Probes = ["复议", "公开", "低保", "医保", "学区", "营商环境", "乡村振兴"];

    public static string[] Words(string query) => query.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static bool HasShortWord(string query) => Words(query).Any(w => w.Length < 3);
}

public interface ISearchEngine : IDisposable
{
    string Name { get; }

    void Index(IReadOnlyList<GovDocument> corpus);

    long SizeBytes();

    /// <summary>The ids of the 20 best documents.</summary>
    int Top(string query, Span<int> ids);

    /// <summary>Every matching document, for recall.</summary>
    List<int> All(string query);
}

public sealed class LuceneEngine(string path, bool bigrams) : ISearchEngine
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly string[] Fields = ["title", "docno", "body"];
    private readonly Analyzer analyzer = bigrams ? new CJKAnalyzer(Version) : new SmartChineseAnalyzer(Version);
    private readonly LuceneDirectory directory = LuceneFSDirectory.Open(path);
    private DirectoryReader? reader;
    private IndexSearcher? searcher;
    private MultiFieldQueryParser? parser;

    public string Name => bigrams ? "Lucene.Net + CJKAnalyzer (bigrams)" : "Lucene.Net + SmartCn";

    public void Index(IReadOnlyList<GovDocument> corpus)
    {
        var config = new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 256 };
        using (var writer = new IndexWriter(directory, config))
        {
            // IndexWriter takes documents from several threads at once (one in-memory segment per thread).
            Parallel.For(0, corpus.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var d = corpus[i];
                writer.AddDocument(new Document
                {
                    new StoredField("id", d.Id),
                    new NumericDocValuesField("id", d.Id),
                    new TextField("title", d.Title, Field.Store.NO),
                    new TextField("docno", d.DocumentNumber, Field.Store.NO),
                    new TextField("body", d.Body, Field.Store.NO),
                });
            });
            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader);
        parser = new MultiFieldQueryParser(Version, Fields, analyzer, new Dictionary<string, float> { ["title"] = 2f, ["docno"] = 1f, ["body"] = 1f })
        {
            DefaultOperator = Operator.AND,
            // A Chinese word the analyzer splits (行政复议 → 行政 复议) is searched as a phrase, not as two loose words.
            AutoGeneratePhraseQueries = true,
        };
    }

    public long SizeBytes() => new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length);

    public int Top(string query, Span<int> ids)
    {
        var top = searcher!.Search(parser!.Parse(query), ids.Length);
        for (var i = 0; i < top.ScoreDocs.Length; i++)
        {
            ids[i] = searcher.Doc(top.ScoreDocs[i].Doc).GetField("id").GetInt32Value() ?? -1;
        }

        return top.ScoreDocs.Length;
    }

    public List<int> All(string query)
    {
        var collector = new IdCollector();
        searcher!.Search(parser!.Parse(query), collector);
        return collector.Ids;
    }

    public void Dispose()
    {
        reader?.Dispose();
        directory.Dispose();
        analyzer.Dispose();
    }

    private sealed class IdCollector : ICollector
    {
        private NumericDocValues? values;

        public List<int> Ids { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => values = context.AtomicReader.GetNumericDocValues("id");

        public void Collect(int doc) => Ids.Add((int)values!.Get(doc));
    }
}

public sealed class SqliteEngine : ISearchEngine
{
    private readonly string path;
    private readonly SqliteConnection connection;

    public SqliteEngine(string path)
    {
        this.path = path;
        connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
        Execute("CREATE VIRTUAL TABLE docs USING fts5(title, docno, body, tokenize='trigram')");
    }

    public string Name => "SQLite " + Scalar("SELECT sqlite_version()") + " FTS5 trigram";

    /// <summary>How many documents MATCH finds for a query.</summary>
    public long Count(string query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM docs WHERE docs MATCH $q";
        command.Parameters.AddWithValue("$q", MatchExpression(query));
        return (long)command.ExecuteScalar()!;
    }

    public void Index(IReadOnlyList<GovDocument> corpus)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO docs(rowid, title, docno, body) VALUES ($id, $title, $docno, $body)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var docno = insert.Parameters.Add("$docno", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        insert.Prepare();
        const int Batch = 10_000;
        for (var start = 0; start < corpus.Count; start += Batch)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            for (var i = start; i < Math.Min(corpus.Count, start + Batch); i++)
            {
                var d = corpus[i];
                id.Value = d.Id;
                title.Value = d.Title;
                docno.Value = d.DocumentNumber;
                body.Value = d.Body;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    public long SizeBytes() => new FileInfo(path).Length;

    public static string MatchExpression(string query) => string.Join(' ', Queries.Words(query).Select(w => $"\"{w}\""));

    public int Top(string query, Span<int> ids)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM docs WHERE docs MATCH $q ORDER BY rank LIMIT $k";
        command.Parameters.AddWithValue("$q", MatchExpression(query));
        command.Parameters.AddWithValue("$k", ids.Length);
        return Read(command, ids);
    }

    public List<int> All(string query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM docs WHERE docs MATCH $q";
        command.Parameters.AddWithValue("$q", MatchExpression(query));
        return ReadAll(command);
    }

    /// <summary>The fallback for words of 1–2 characters: a scan with LIKE, every word in any column, unranked.</summary>
    public int LikeTop(string query, Span<int> ids)
    {
        using var command = LikeCommand(query, $" LIMIT {ids.Length}");
        return Read(command, ids);
    }

    public List<int> LikeAll(string query)
    {
        using var command = LikeCommand(query, "");
        return ReadAll(command);
    }

    public void Dispose() => connection.Dispose();

    private SqliteCommand LikeCommand(string query, string limit)
    {
        var command = connection.CreateCommand();
        var words = Queries.Words(query);
        var conditions = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            conditions.Add($"(title LIKE $p{i} OR docno LIKE $p{i} OR body LIKE $p{i})");
            command.Parameters.AddWithValue($"$p{i}", $"%{words[i]}%");
        }

        command.CommandText = "SELECT rowid FROM docs WHERE " + string.Join(" AND ", conditions) + limit;
        return command;
    }

    private static int Read(SqliteCommand command, Span<int> ids)
    {
        using var rows = command.ExecuteReader();
        var n = 0;
        while (n < ids.Length && rows.Read())
        {
            ids[n++] = rows.GetInt32(0);
        }

        return n;
    }

    private static List<int> ReadAll(SqliteCommand command)
    {
        using var rows = command.ExecuteReader();
        var ids = new List<int>();
        while (rows.Read())
        {
            ids.Add(rows.GetInt32(0));
        }

        return ids;
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private string Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
