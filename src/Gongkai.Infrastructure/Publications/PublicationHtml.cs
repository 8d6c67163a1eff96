using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Gongkai.Infrastructure.Publications;

/// <summary>
/// A publication's body as rich text: what staff paste or write is kept only as the sanitized HTML of a document
/// (paragraphs, headings, lists, tables, emphasis, links, images), and scripts, event handlers, frames and
/// <c>javascript:</c> links are refused with the reason, so nothing is silently lost either.
/// </summary>
public static class PublicationHtml
{
    private static readonly string[] Tags =
    [
        "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sub", "sup", "span", "div",
        "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
        "blockquote", "a", "img", "figure", "figcaption", "hr", "pre", "code",
    ];

    private static readonly string[] Attributes = ["href", "src", "alt", "title", "colspan", "rowspan", "scope", "align", "width", "height"];
    private static readonly string[] Dangerous = ["script", "iframe", "object", "embed", "frame", "frameset", "form", "input", "button", "textarea", "select", "link", "meta", "base", "style", "svg", "math", "template"];

    /// <summary>The sanitized HTML, its plain text, and what was refused (empty when the HTML was safe).</summary>
    public sealed record Result(string Html, string Text, IReadOnlyList<string> Refused);

    public static Result Clean(string? html)
    {
        var refused = new List<string>();
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(Tags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.UnionWith(Attributes);
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowDataAttributes = false;
        sanitizer.RemovingTag += (_, e) =>
        {
            var name = e.Tag.LocalName;
            if (Dangerous.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                refused.Add($"<{name}> 标签");
            }
        };
        sanitizer.RemovingAttribute += (_, e) =>
        {
            var name = e.Attribute.Name;
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add($"事件属性 {name}");
            }
            else if (e.Attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                     || e.Attribute.Value.TrimStart().StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add($"脚本链接（{name}=\"javascript:…\"）");
            }
        };
        sanitizer.RemovingStyle += (_, e) =>
        {
            if (e.Style.Value.Contains("expression", StringComparison.OrdinalIgnoreCase) || e.Style.Value.Contains("url(", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add("含脚本或外部地址的样式");
            }
        };

        var clean = sanitizer.Sanitize(html ?? "").Trim();
        return new Result(clean, TextOf(clean), refused.Distinct().ToList());
    }

    /// <summary>Plain text of already-safe HTML: one line per block, for search and listings.</summary>
    public static string TextOf(string html)
    {
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        var text = new StringBuilder();
        Walk(document.Body!, text);
        return string.Join('\n', text.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    /// <summary>Plain text as HTML paragraphs (records written or imported as text).</summary>
    public static string FromText(string text) =>
        string.Concat(text.Replace("\r\n", "\n").Split('\n').Where(l => l.Trim().Length > 0).Select(l => "<p>" + System.Net.WebUtility.HtmlEncode(l.Trim()) + "</p>"));

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
            }
            else if (child is IElement e)
            {
                var block = e.LocalName is "p" or "div" or "br" or "li" or "tr" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "pre" or "figcaption" or "caption" or "table";
                Walk(e, text);
                if (e.LocalName is "td" or "th")
                {
                    text.Append(' ');
                }

                if (block)
                {
                    text.Append('\n');
                }
            }
        }
    }
}
