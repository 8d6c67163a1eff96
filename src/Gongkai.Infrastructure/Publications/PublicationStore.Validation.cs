using Gongkai.Core.Publications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Publications;

/// <summary>A document's input checked before anything is written: fields, catalog, numbers, the interpreted policy, the body's HTML and the attached files.</summary>
public sealed partial class PublicationStore
{
    private async Task<(Dictionary<string, string> Errors, string? Html)> ValidateAsync(int agencyId, PublicationRecord? existing, PublicationInput input, DateOnly today, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        void Length(string field, string? value, int max, string label, bool required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    errors[field] = $"请填写{label}。";
                }
            }
            else if (value.Trim().Length > max)
            {
                errors[field] = $"{label}不能超过 {max} 个字。";
            }
        }

        Length(nameof(input.Title), input.Title, 300, "标题", true);
        Length(nameof(input.Issuer), input.Issuer, 100, "发文机关", true);
        Length(nameof(input.DocumentNumber), input.DocumentNumber, 100, "文号", false);
        Length(nameof(input.Keywords), input.Keywords, 300, "主题词", false);
        Length(nameof(input.DraftingUnit), input.DraftingUnit, 100, "起草单位", false);
        if (input.WrittenOn is not { } written)
        {
            errors[nameof(input.WrittenOn)] = "请填写成文日期。";
        }
        else if (written > today)
        {
            errors[nameof(input.WrittenOn)] = "成文日期不能晚于今天。";
        }
        else if (written.Year < 1949)
        {
            errors[nameof(input.WrittenOn)] = "成文日期不正确。";
        }
        else if (existing?.PublishedOn is { } published && written > published)
        {
            errors[nameof(input.WrittenOn)] = $"成文日期不能晚于发布日期（{published:yyyy-MM-dd}）。";
        }
        else if ((existing?.RepealedOn ?? existing?.ExpiredOn) is { } ended && written > ended)
        {
            errors[nameof(input.WrittenOn)] = $"成文日期不能晚于废止或失效日期（{ended:yyyy-MM-dd}）。";
        }

        if (!Enum.IsDefined(input.Type))
        {
            errors[nameof(input.Type)] = "请选择文件类型。";
        }

        if (!Enum.IsDefined(input.Attribute))
        {
            errors[nameof(input.Attribute)] = "请选择公开属性。";
        }
        else if (input.Attribute != DisclosureAttribute.Proactive)
        {
            Length(nameof(input.AttributeReason), input.AttributeReason, 500, $"“{AttributeName(input.Attribute)}”的理由（依据的条款）", true);
        }

        if (!string.IsNullOrWhiteSpace(input.Category))
        {
            var names = (await CategoriesAsync(agencyId, ct)).Select(c => c.Name);
            if (!names.Contains(input.Category.Trim(), StringComparer.Ordinal))
            {
                errors[nameof(input.Category)] = $"目录分类“{input.Category.Trim()}”不在本机关的目录中。";
            }
        }

        if (Trimmed(input.IndexNumber) is { } index && index != existing?.IndexNumber)
        {
            if (existing?.Status == PublicationStatus.Published)
            {
                errors[nameof(input.IndexNumber)] = "已发布文件的索引号不能修改。";
            }
            else if (index.Length > 60 || index.Any(char.IsControl))
            {
                errors[nameof(input.IndexNumber)] = "索引号不能超过 60 个字符。";
            }
            else if (await db.Publications.AsNoTracking().Where(p => p.IndexNumber == index).Select(p => p.Title).FirstOrDefaultAsync(ct) is { } holder)
            {
                errors[nameof(input.IndexNumber)] = $"索引号“{index}”已被《{holder}》使用；索引号必须唯一。";
            }
        }

        if (!string.IsNullOrWhiteSpace(input.DocumentNumber))
        {
            var number = input.DocumentNumber.Trim();
            var other = await db.Publications.AsNoTracking()
                .Where(p => p.AgencyId == agencyId && p.DocumentNumber == number && (existing == null || p.Id != existing.Id))
                .Select(p => p.Title).FirstOrDefaultAsync(ct);
            if (other is not null)
            {
                errors[nameof(input.DocumentNumber)] = $"文号“{number}”已被《{other}》使用。";
            }
        }

        if (input.InterpretsId is { } policyId)
        {
            var policy = await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == policyId, ct);
            if (policy is null || policy.AgencyId != agencyId)
            {
                errors[nameof(input.InterpretsId)] = "所解读的文件不存在或不属于本机关。";
            }
            else if (policy.InterpretsId is not null)
            {
                errors[nameof(input.InterpretsId)] = "不能解读另一篇政策解读。";
            }
            else if (existing is not null && policy.Id == existing.Id)
            {
                errors[nameof(input.InterpretsId)] = "文件不能解读自身。";
            }
        }

        var body = PublicationHtml.Clean(input.BodyHtml);
        if (body.Refused.Count > 0)
        {
            errors[nameof(input.BodyHtml)] = $"正文含有不允许的内容：{string.Join("、", body.Refused)}。为防止网页脚本攻击，未保存；请删除这些内容后再提交。";
        }
        else if (body.Html.Length > 1_000_000)
        {
            errors[nameof(input.BodyHtml)] = "正文过长（超过 100 万字符）；长篇内容请作为附件上传。";
        }

        return (errors, body.Html);
    }

    /// <summary>Each file read within the upload limits and time budget; refusals are collected with the status they map to.</summary>
    private (List<PublicationFiles.Checked> Files, Dictionary<string, string> Errors, int? Status) CheckFiles(IReadOnlyList<NewPublicationFile> files, int alreadyAttached, CancellationToken ct)
    {
        var list = new List<PublicationFiles.Checked>();
        var errors = new List<string>();
        int? status = null;
        if (files.Count + alreadyAttached > PublicationFiles.MaxFiles)
        {
            errors.Add($"附件最多 {PublicationFiles.MaxFiles} 个。");
            status = Files.UntrustedFileException.UnreadableStatus;
        }
        else
        {
            foreach (var file in files)
            {
                var (ok, refusal) = Files.UntrustedFiles.Run(limits, ct, budget => PublicationFiles.Check(file.FileName, file.Content, budget));
                if (ok is null)
                {
                    errors.Add(refusal!.Message);
                    status ??= refusal.StatusCode;
                }
                else
                {
                    list.Add(ok);
                }
            }
        }

        return (list, errors.Count == 0 ? [] : new Dictionary<string, string> { ["Attachments"] = string.Join(" ", errors) }, status);
    }

    private void Apply(PublicationRecord record, PublicationInput input, string html)
    {
        record.Title = input.Title!.Trim();
        record.DocumentNumber = Trimmed(input.DocumentNumber);
        record.Issuer = input.Issuer!.Trim();
        record.WrittenOn = input.WrittenOn!.Value;
        record.Category = Trimmed(input.Category);
        record.Type = input.Type;
        record.Attribute = input.Attribute;
        record.AttributeReason = input.Attribute == DisclosureAttribute.Proactive ? null : Trimmed(input.AttributeReason);
        record.BodyHtml = html;
        record.Body = PublicationHtml.TextOf(html);
        record.Keywords = Trimmed(input.Keywords);
        record.DraftingUnit = Trimmed(input.DraftingUnit);
        record.InterpretsId = input.InterpretsId;
        if (Trimmed(input.IndexNumber) is { } index)
        {
            record.IndexNumber = index;
        }
    }

    private async Task StoreFilesAsync(PublicationRecord record, List<PublicationFiles.Checked> files, CancellationToken ct)
    {
        var order = record.Attachments.Select(a => a.Order).DefaultIfEmpty(0).Max();
        foreach (var file in files)
        {
            if (!await db.StoredFiles.AnyAsync(f => f.Sha256 == file.Sha256, ct) && db.StoredFiles.Local.All(f => f.Sha256 != file.Sha256))
            {
                db.StoredFiles.Add(new StoredFile { Sha256 = file.Sha256, Size = file.Content.Length, Content = file.Content, CreatedAt = clock.GetUtcNow() });
            }

            record.Attachments.Add(new PublicationAttachment
            {
                FileName = file.FileName,
                ContentType = file.ContentType,
                Size = file.Content.Length,
                Sha256 = file.Sha256,
                Text = file.Text,
                Order = ++order,
            });
        }
    }
}
