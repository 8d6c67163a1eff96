namespace Gongkai.Infrastructure.Files;

// HTML measured in one pass, before the HTML parser builds a tree.
public static partial class UntrustedFiles
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
    };

    // Elements whose end tag may be left out: the parser closes them when a sibling starts, so they do not nest.
    private static readonly HashSet<string> SelfClosingSiblings = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
    };

    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    /// <summary>
    /// Measures an HTML page before the HTML parser sees it: its length, how many elements it opens and how deep they
    /// nest (the parser's work grows with the square of the depth). One pass over the text, no tree.
    /// </summary>
    public static void CheckMarkup(string html, FileBudget budget)
    {
        if (html.Length > budget.Limits.MaxCharactersInPart)
        {
            throw UntrustedFileException.TooLarge($"网页超过 {Characters(budget.Limits.MaxCharactersInPart)}，已拒绝。");
        }

        var depth = 0;
        var at = html.IndexOf('<', StringComparison.Ordinal);
        while (at >= 0 && at + 1 < html.Length)
        {
            var next = html[at + 1];
            var resume = at + 1;
            if (next == '!')
            {
                if (html.AsSpan(at).StartsWith("<!--"))
                {
                    var close = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
                    if (close < 0)
                    {
                        return;
                    }

                    resume = close + 3;
                }
            }
            else if (next == '/')
            {
                if (SelfClosingSiblings.Contains(TagName(html, at + 2)) || VoidElements.Contains(TagName(html, at + 2)))
                {
                    // Nothing was counted for it.
                }
                else if (depth > 0)
                {
                    depth--;
                }
            }
            else if (char.IsAsciiLetter(next))
            {
                var name = TagName(html, at + 1);
                var close = html.IndexOf('>', at);
                if (close < 0)
                {
                    return;
                }

                var nests = !VoidElements.Contains(name) && !SelfClosingSiblings.Contains(name) && html[close - 1] != '/';
                budget.Element(depth + 1);
                resume = close + 1;
                if (RawTextElements.Contains(name))
                {
                    var end = html.IndexOf("</" + name, resume, StringComparison.OrdinalIgnoreCase);
                    if (end < 0)
                    {
                        return;
                    }

                    resume = end;
                }
                else if (nests)
                {
                    depth++;
                }
            }

            at = html.IndexOf('<', resume);
        }
    }

    private static string TagName(string html, int start)
    {
        var end = start;
        while (end < html.Length && end - start < 16 && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-'))
        {
            end++;
        }

        return html[start..end];
    }
}
