using Gongkai.Core.AnnualReports;
using static Gongkai.Core.Checker.Rules.RuleText;

namespace Gongkai.Core.Checker.Rules;

/// <summary>
/// N5: the same sentence twice, in a later paragraph or in the same one, also as a clause of a longer earlier
/// sentence. Linear in the text: every sentence (split at 。！？；) and its clauses' heads and tails are hashed
/// once into a table of first occurrences, and each sentence is looked up once.
/// </summary>
public sealed class RepeatedSentenceRules : IRuleGroup
{
    public IReadOnlyList<string> Rules { get; } = [RuleId.N5];

    public bool ReadsText => true;

    /// <summary>
    /// Page furniture of government web pages and PDF copies, printed once per page or per copy: not sentences of the
    /// report. A line starting with one of these labels (followed by a colon) is skipped by N5.
    /// </summary>
    private static readonly string[] FurnitureLabels =
    [
        "发布日期", "发布时间", "成文日期", "来源", "信息来源", "索引号", "名称", "字号", "文号", "发文字号", "发布机构", "发文机关", "主题分类",
        "主题词", "浏览次数", "访问次数", "点击数", "阅读数", "责任编辑", "当前位置", "分享到",
    ];

    /// <summary>Words of page furniture that make up a line wherever they stand (links and buttons of a web page).</summary>
    private static readonly string[] FurnitureWords = ["打印本页", "关闭窗口", "打印此页", "返回顶部", "扫一扫", "字号:大中小", "[打印]", "[关闭]"];

    private const int MinRepeatedSentence = 15;

    /// <summary>Whether a line is page furniture or a table's row or header (repeated on every page), not text.</summary>
    private static bool IsFurniture(string compact, string normalized)
    {
        if (FurnitureWords.Any(w => compact.Contains(w, StringComparison.Ordinal))
            || FurnitureLabels.Any(l => compact.StartsWith(l, StringComparison.Ordinal) && compact.Length > l.Length && compact[l.Length] == ':'))
        {
            return true;
        }

        // A table's row or header: cells separated by tabs or bars.
        if (normalized.Count(c => c is '\t' or '|') >= 2)
        {
            return true;
        }

        // A heading or a header in spaced columns: no punctuation of a sentence.
        return compact.Length < 40 && compact.AsSpan().IndexOfAny("。,;!?:、") < 0;
    }

    public void Check(CheckContext context)
    {
        var (report, ct) = (context.Report, context.Cancellation);
        var paragraphs = new List<(int Line, string Text)>();
        var first = new Dictionary<ulong, (int Paragraph, int Start, int Length)>();
        var reported = new HashSet<ulong>();
        var count = 0;
        foreach (var line in report.Prose)
        {
            if ((++count & 0xFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var compact = line.Compact;
            if (compact.Length < MinRepeatedSentence || IsFurniture(compact, line.Normalized))
            {
                continue;
            }

            paragraphs.Add((line.Number, compact));
            var paragraph = paragraphs.Count - 1;
            var start = 0;
            for (var i = 0; i <= compact.Length; i++)
            {
                if (i < compact.Length && compact[i] is not ('。' or ';' or '!' or '?'))
                {
                    continue;
                }

                var sentence = compact.AsSpan(start, i - start);
                if (sentence.Length >= MinRepeatedSentence)
                {
                    var hash = Hash(sentence);
                    if (first.TryGetValue(hash, out var seen) && paragraphs[seen.Paragraph].Text.AsSpan(seen.Start, seen.Length).SequenceEqual(sentence))
                    {
                        if (reported.Add(hash))
                        {
                            context.Add(new(RuleId.N5, Severity.Warning, Line(line.Number), $"这句话在第{paragraphs[seen.Paragraph].Line}行已经出现过：“{Shorten(sentence.ToString())}”。"));
                        }
                    }
                    else
                    {
                        Remember(first, paragraph, start, sentence);
                    }
                }

                start = i + 1;
            }
        }
    }

    /// <summary>A sentence and the heads and tails of it that end or start at a clause (，：), at most eight of each.</summary>
    private static void Remember(Dictionary<ulong, (int, int, int)> first, int paragraph, int start, ReadOnlySpan<char> sentence)
    {
        first.TryAdd(Hash(sentence), (paragraph, start, sentence.Length));
        var tails = 0;
        var heads = 0;
        for (var i = 0; i < sentence.Length && (tails < 8 || heads < 8); i++)
        {
            if (sentence[i] is not (',' or ':'))
            {
                continue;
            }

            if (heads < 8 && i >= MinRepeatedSentence)
            {
                first.TryAdd(Hash(sentence[..i]), (paragraph, start, i));
                heads++;
            }

            if (tails < 8 && sentence.Length - i - 1 >= MinRepeatedSentence)
            {
                first.TryAdd(Hash(sentence[(i + 1)..]), (paragraph, start + i + 1, sentence.Length - i - 1));
                tails++;
            }
        }
    }

    /// <summary>FNV-1a over the characters: 64 bits, so that millions of sentences rarely share a value (and a shared value is compared).</summary>
    private static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
