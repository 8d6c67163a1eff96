using System.Text.RegularExpressions;

namespace Gongkai.Core.Requests;

/// <summary>
/// What a notice must say to mean something: a reason is words, not punctuation (Arts. 36, 37 require the reasons
/// to be told); a legal basis names a law, a regulation or an article — not "x".
/// </summary>
public static partial class Reasons
{
    /// <summary>At least two letters or Han characters once punctuation and spaces are left out.</summary>
    public static bool IsStated(string? reason) =>
        reason is not null && reason.Count(c => char.IsLetterOrDigit(c)) >= 2;

    /// <summary>Names a law in 《》, an article (第…条), or a law, regulation or rule by its usual ending.</summary>
    public static bool NamesALaw(string? basis) => basis is not null && LawPattern().IsMatch(basis);

    [GeneratedRegex(@"《[^》]{2,}》|第[一二三四五六七八九十百零〇0-9]+条|\p{IsCJKUnifiedIdeographs}{2,}(法|条例|规定|办法|规则|决定|意见|通知)(第|$|[，。；、）)\s])")]
    private static partial Regex LawPattern();
}
