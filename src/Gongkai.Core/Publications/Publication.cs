using Gongkai.Core.AnnualReports;

namespace Gongkai.Core.Publications;

/// <summary>The kind of document, as the annual report's Art. 20 table counts them.</summary>
public enum PublicationType
{
    /// <summary>规章.</summary>
    Regulation,
    /// <summary>行政规范性文件 (the 2019 format says 规范性文件).</summary>
    NormativeDocument,
    /// <summary>Any other government information.</summary>
    Other,
}

/// <summary>公开属性 (Arts. 19–20): what the office decided about disclosing the document.</summary>
public enum DisclosureAttribute
{
    /// <summary>主动公开.</summary>
    Proactive,
    /// <summary>依申请公开.</summary>
    OnRequest,
    /// <summary>不予公开 (with the reason).</summary>
    NotDisclosed,
}

/// <summary>Where a document is in "先审查、后公开": drafted, cleared by the confidentiality review (保密审查), published.</summary>
public enum PublicationStatus
{
    /// <summary>草稿: being written or changed since review.</summary>
    Draft,
    /// <summary>已审查: the confidentiality review cleared it; ready to publish.</summary>
    Reviewed,
    /// <summary>已发布.</summary>
    Published,
}

/// <summary>What the Art. 20 counts need of one document: its type, attribute and dates.</summary>
public sealed record PublicationFacts(PublicationType Type, DisclosureAttribute Attribute, DateOnly WrittenOn, DateOnly? PublishedOn, DateOnly? RepealedOn, DateOnly? ExpiredOn)
{
    /// <summary>In force at the end of <paramref name="day"/>: made by then, neither repealed nor expired by then.</summary>
    public bool InForceOn(DateOnly day) => WrittenOn <= day && !(RepealedOn <= day) && !(ExpiredOn <= day);
}

/// <summary>
/// 第二十条第（一）项 of the annual report counted from the documents themselves: 规章 and 规范性文件 made, repealed
/// and in force (2021 format), or newly made, newly published and published in total (2019 format).
/// </summary>
public static class Article20Counting
{
    public const string Item = Article20Formats.Documents;

    public static void Fill(Article20Figures figures, IEnumerable<PublicationFacts> documents, int year)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        bool InYear(DateOnly? day) => day >= start && day <= end;
        var list = documents.ToList();
        foreach (var (type, row) in Rows(figures.Format))
        {
            var ofType = list.Where(d => d.Type == type).ToList();
            switch (figures.Format)
            {
                case ReportFormat.V2021:
                    figures[Item, row, "本年制发件数"] = ofType.Count(d => InYear(d.WrittenOn));
                    figures[Item, row, "本年废止件数"] = ofType.Count(d => InYear(d.RepealedOn));
                    figures[Item, row, "现行有效件数"] = ofType.Count(d => d.InForceOn(end));
                    break;
                case ReportFormat.V2019:
                    figures[Item, row, "本年新制作数量"] = ofType.Count(d => InYear(d.WrittenOn));
                    figures[Item, row, "本年新公开数量"] = ofType.Count(d => d.Attribute == DisclosureAttribute.Proactive && InYear(d.PublishedOn));
                    figures[Item, row, "对外公开总数量"] = ofType.Count(d => d.Attribute == DisclosureAttribute.Proactive && d.PublishedOn <= end);
                    break;
            }
        }
    }

    private static IEnumerable<(PublicationType Type, string Row)> Rows(ReportFormat format) =>
    [
        (PublicationType.Regulation, "规章"),
        (PublicationType.NormativeDocument, format == ReportFormat.V2021 ? "行政规范性文件" : "规范性文件"),
    ];
}
