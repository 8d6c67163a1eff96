using System.Globalization;
using System.Text;

namespace Gongkai.Core.Requests;

internal static class Masking
{
    /// <summary>
    /// Keeps the first <paramref name="head"/> and last <paramref name="tail"/> characters and puts one '*' for
    /// each character between, so the length still shows. Counts text elements, so a rare character outside the
    /// BMP (common enough in names and addresses) is never cut in half. When nothing would be hidden, everything is.
    /// </summary>
    public static string KeepEnds(string text, int head, int tail)
    {
        var info = new StringInfo(text);
        var length = info.LengthInTextElements;
        if (length <= head + tail)
        {
            return new string('*', length);
        }

        return new StringBuilder()
            .Append(info.SubstringByTextElements(0, head))
            .Append('*', length - head - tail)
            .Append(info.SubstringByTextElements(length - tail, tail))
            .ToString();
    }

    /// <summary>The first <paramref name="count"/> text elements (all of them when there are fewer).</summary>
    public static string Head(string text, int count)
    {
        var info = new StringInfo(text);
        return count >= info.LengthInTextElements ? text : info.SubstringByTextElements(0, count);
    }
}
