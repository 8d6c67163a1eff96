using System.Globalization;
using Gongkai.Core.Publications;
using Gongkai.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Publications.Import;

/// <summary>A row that passed every check: what will be written, its workflow already decided by Core.</summary>
public sealed record CheckedDocument(string Where, string Title, string? Number, string Issuer, string? Category, string Html, string Text, bool Cleaned,
    IReadOnlyList<CatalogAttachment> Attachments, Publication Publication);

// The checks of one row, the same as the staff form's (PublicationStore.Validation) where the form has the field.
public sealed partial class CatalogImport
{
    private const int MaxBody = 1_000_000;

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy年M月d日", "yyyy.M.d"];

    /// <summary>What every row is checked against.</summary>
    private sealed record RowContext(DateOnly Today, DateTimeOffset Now, string Actor, string AgencyName, IReadOnlySet<string> Categories, CatalogAttachments Files);

    /// <summary>What the agency's catalog already has: its 文号, and its titles with their 成文日期.</summary>
    private sealed record Existing(IReadOnlySet<string> Numbers, IReadOnlySet<(string Title, DateOnly WrittenOn)> Titles);

    private async Task<Existing> ExistingAsync(int agencyId, CancellationToken ct)
    {
        var rows = await db.Publications.AsNoTracking().Where(p => p.AgencyId == agencyId).Select(p => new { p.DocumentNumber, p.Title, p.WrittenOn }).ToListAsync(ct);
        return new Existing(rows.Where(r => r.DocumentNumber != null).Select(r => r.DocumentNumber!).ToHashSet(StringComparer.Ordinal), rows.Select(r => (r.Title, r.WrittenOn)).ToHashSet());
    }

    /// <summary>
    /// Every row checked, and against the others and the catalog: a second row with the same 文号 (or title and
    /// 成文日期) is refused, and so is one the catalog has unless those are to be skipped. The errors name each bad row.
    /// </summary>
    private static async Task<(List<CheckedDocument> Documents, int Skipped, List<string> Errors)> CheckAllAsync(
        IReadOnlyList<CatalogRow> rows, RowContext context, Existing existing, bool skipExisting, CancellationToken ct)
    {
        // Sanitizing the bodies is most of the checking of a large catalog; each is sanitized on its own.
        var bodies = new PublicationHtml.Result[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = ct }, i => bodies[i] = CleanBody(rows[i]));
        var (documents, errors, skipped) = (new List<CheckedDocument>(), new List<string>(), 0);
        var byNumber = new Dictionary<string, string>(StringComparer.Ordinal);
        var byTitle = new Dictionary<(string, DateOnly), string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var (document, reasons) = await CheckRowAsync(row, bodies[i], context, ct);
            var (number, title) = (row[CatalogField.Number], row[CatalogField.Title]);
            var written = document?.Publication.State.WrittenOn ?? (row[CatalogField.WrittenOn] is { } w ? ParseDate(w, row.FromSheet) : null);
            if (number is not null && !byNumber.TryAdd(number, row.Where))
            {
                reasons.Add($"与{byNumber[number]}的文号“{UntrustedFiles.Excerpt(number, 40)}”相同");
            }

            if (title is not null && written is { } day && !byTitle.TryAdd((title, day), row.Where))
            {
                reasons.Add($"与{byTitle[(title, day)]}的标题和成文日期相同");
            }

            var present = number is not null && existing.Numbers.Contains(number) ? $"本机关目录中已有文号为“{UntrustedFiles.Excerpt(number, 40)}”的文件"
                : title is not null && written is { } on && existing.Titles.Contains((title, on)) ? "本机关目录中已有标题和成文日期相同的文件"
                : null;
            if (present is not null && !skipExisting)
            {
                reasons.Add(present + "（如需跳过已有文件，请加 --skip-existing）");
            }

            if (reasons.Count > 0)
            {
                var what = title is null ? row.Where : $"{row.Where}（标题“{UntrustedFiles.Excerpt(title, 40)}”）";
                errors.Add($"{what}：{string.Join("；", reasons)}。");
            }
            else if (present is not null)
            {
                skipped++;
            }
            else
            {
                documents.Add(document!);
            }
        }

        return (documents, skipped, errors);
    }

    /// <summary>The body sanitized as the staff form's is (<see cref="PublicationHtml"/>); what is unsafe is removed and counted.</summary>
    private static PublicationHtml.Result CleanBody(CatalogRow row)
    {
        var body = row[CatalogField.Body] ?? "";
        // An old site's export may hold the body as plain text: its lines become paragraphs.
        return PublicationHtml.Clean(body.Contains('<', StringComparison.Ordinal) ? body : PublicationHtml.FromText(body));
    }

    private static async Task<(CheckedDocument? Document, List<string> Reasons)> CheckRowAsync(CatalogRow row, PublicationHtml.Result clean, RowContext context, CancellationToken ct)
    {
        var reasons = new List<string>(row.Problems);
        string? Text(CatalogField field, int max)
        {
            var value = row[field];
            if (value?.Length > max)
            {
                reasons.Add($"{CatalogFile.Header(field)}不能超过 {max} 个字");
            }

            return value;
        }

        var title = Text(CatalogField.Title, 300);
        if (title is null)
        {
            reasons.Add("请填写标题");
        }

        var number = Text(CatalogField.Number, 100);
        var issuer = Text(CatalogField.Issuer, 100) ?? context.AgencyName;
        var written = Date(row, CatalogField.WrittenOn, reasons);
        if (written is { } w && (w.Year < 1949 || w > context.Today))
        {
            reasons.Add(w.Year < 1949 ? "成文日期不正确" : "成文日期不能晚于今天");
            written = null;
        }

        var published = Date(row, CatalogField.PublishedOn, reasons);
        var type = Type(row[CatalogField.Type], reasons);
        var category = Text(CatalogField.Category, 100);
        if (category is not null && !context.Categories.Contains(category))
        {
            reasons.Add($"主题分类“{UntrustedFiles.Excerpt(category, 40)}”不在本机关的目录中（可用：{string.Join("、", context.Categories)}）");
        }

        if (row[CatalogField.Disclosure] is { } disclosure && disclosure != PublicationNames.Of(DisclosureAttribute.Proactive)
            && !string.Equals(disclosure, nameof(DisclosureAttribute.Proactive), StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add($"公开属性为“{UntrustedFiles.Excerpt(disclosure, 20)}”：只导入已主动公开的文件（公开属性为“主动公开”或不填）");
        }

        if (clean.Html.Length > MaxBody)
        {
            reasons.Add("正文过长（超过 100 万字符）");
        }

        var attachments = new List<CatalogAttachment>();
        if (row.Attachments.Count > PublicationFiles.MaxFiles)
        {
            reasons.Add($"附件最多 {PublicationFiles.MaxFiles} 个");
        }
        else
        {
            foreach (var path in row.Attachments)
            {
                var (file, refusal) = await context.Files.CheckAsync(path, ct);
                if (file is null)
                {
                    reasons.Add(refusal!);
                }
                else if (attachments.All(a => a.Sha256 != file.Sha256))
                {
                    attachments.Add(file);
                }
            }
        }

        Publication? publication = null;
        if (title is not null && written is not null && published is not null && type is not null
            && Publication.Imported(title, type.Value, written.Value, published.Value, context.Today, context.Actor, context.Now, out publication) is { } refused)
        {
            reasons.Add(refused.Message.TrimEnd('。'));
        }

        return reasons.Count > 0 || publication is null
            ? (null, reasons)
            : (new CheckedDocument(row.Where, title!, number, issuer, category, clean.Html, clean.Text, clean.Refused.Count > 0, attachments, publication), reasons);
    }

    /// <summary>A date as old sites and spreadsheets write it: 2024-01-02, 2024/1/2, 2024年1月2日, or an Excel date cell.</summary>
    public static DateOnly? ParseDate(string text, bool fromSheet)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // A cell Excel formats as a date holds the days since 1899-12-30.
        return fromSheet && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2_958_466
            ? DateOnly.FromDateTime(DateTime.FromOADate(serial))
            : null;
    }

    /// <summary>The type by its code name or the name the catalog prints (规章, 行政规范性文件 or 规范性文件, 其他文件 or 其他).</summary>
    public static PublicationType? ParseType(string text) =>
        Enum.GetValues<PublicationType>().Cast<PublicationType?>().FirstOrDefault(t =>
            string.Equals(t.ToString(), text, StringComparison.OrdinalIgnoreCase) || PublicationNames.Of(t!.Value) == text)
        ?? text switch
        {
            "规范性文件" => PublicationType.NormativeDocument,
            "其他" => PublicationType.Other,
            _ => null,
        };

    private static DateOnly? Date(CatalogRow row, CatalogField field, List<string> reasons)
    {
        var label = CatalogFile.Header(field);
        if (row[field] is not { } text)
        {
            reasons.Add($"请填写{label}");
            return null;
        }

        var date = ParseDate(text, row.FromSheet);
        if (date is null)
        {
            reasons.Add($"{label}“{UntrustedFiles.Excerpt(text, 20)}”不是日期（应为 2024-01-02、2024/1/2 或 2024年1月2日）");
        }

        return date;
    }

    private static PublicationType? Type(string? text, List<string> reasons)
    {
        if (text is null)
        {
            reasons.Add("请填写类型（规章、行政规范性文件或其他文件）");
            return null;
        }

        var type = ParseType(text);
        if (type is null)
        {
            reasons.Add($"类型“{UntrustedFiles.Excerpt(text, 20)}”不认识（应为规章、行政规范性文件或其他文件，或 Regulation、NormativeDocument、Other）");
        }

        return type;
    }
}
