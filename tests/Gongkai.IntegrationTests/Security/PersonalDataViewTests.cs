using System.Net;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Interaction;
using Gongkai.Infrastructure.Publications;
using Gongkai.Infrastructure.Requests;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests.Security;

/// <summary>
/// Who sees an applicant's or a writer's personal data in full: caseworkers of the agency, on the record itself, each
/// time audited. Everyone else, and every list, sees it masked — and a masked phone never shows the last four digits
/// that, with the tracking code beside them, open the applicant's /track page.
/// </summary>
public sealed class PersonalDataViewTests
{
    private const string Name = "欧阳明华";
    private const string IdNumber = "11010519491231002X";
    private const string Phone = "13912345678";
    private const string Email = "ouyang.minghua@example.com";
    private const string Address = "示例区人民路一百号三单元";

    private static readonly string[] Caseworkers = [StaffRoles.Clerk, StaffRoles.Handler, StaffRoles.Approver];
    private static readonly string[] Others = [StaffRoles.Supervisor, StaffRoles.Publisher, StaffRoles.Administrator];

    private static async Task<(GongkaiApp App, int AgencyId, long RequestId, string Code)> RequestAsync(string title)
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync((await app.AgencyAsync("示例区人民政府")).Id);
        var id = await app.NewRequestAsync(agency.Id, title, a => a with { ApplicantName = Name, Phone = Phone, Email = Email, Address = Address, IdNumber = IdNumber });
        var code = await app.WithDbAsync(d => d.Requests.Where(r => r.Id == id).Select(r => r.TrackingCode).SingleAsync());
        return (app, agency.Id, id, code);
    }

    private static Task<int> ReadsAsync(GongkaiApp app, string target) =>
        app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == AuditActions.PersonalDataRead && e.Target == target));

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task Only_caseworkers_see_the_applicant_in_full_on_the_request_page()
    {
        var (app, agencyId, id, _) = await RequestAsync("个人信息详情" + Guid.NewGuid().ToString("N")[..6]);

        foreach (var role in Caseworkers)
        {
            var page = Text(await (await app.LoginAsync(await app.NewStaffAsync(role, agencyId))).GetStringAsync($"/admin/requests/{id}"));
            Assert.True(page.Contains(Name, StringComparison.Ordinal) && page.Contains(Email, StringComparison.Ordinal) && page.Contains(Phone, StringComparison.Ordinal)
                && page.Contains(IdNumber, StringComparison.Ordinal) && page.Contains(Address, StringComparison.Ordinal), $"{role} should see the applicant in full");
        }

        foreach (var role in Others)
        {
            var page = Text(await (await app.LoginAsync(await app.NewStaffAsync(role, agencyId))).GetStringAsync($"/admin/requests/{id}"));
            foreach (var secret in new[] { Name, Email, Phone, IdNumber, Address, "5678" })
            {
                Assert.False(page.Contains(secret, StringComparison.Ordinal), $"{role} saw “{secret}”");
            }

            Assert.Contains("欧***", page);
            Assert.Contains("139********", page);
            Assert.Contains("o****@example.com", page);
        }
    }

    [Fact]
    public async Task The_request_list_shows_every_applicant_masked_and_never_the_last_four_digits_of_a_phone()
    {
        var title = "个人信息列表" + Guid.NewGuid().ToString("N")[..6];
        var (app, agencyId, _, _) = await RequestAsync(title);

        foreach (var role in Caseworkers.Concat(Others))
        {
            var list = Text(await (await app.LoginAsync(await app.NewStaffAsync(role, agencyId))).GetStringAsync($"/admin/requests?q={title}"));
            Assert.Contains(title, list);
            Assert.Contains("139********", list);
            Assert.DoesNotContain("5678", list);
            Assert.DoesNotContain(Name, list);
        }
    }

    [Fact]
    public async Task Opening_a_request_in_full_is_audited_and_a_masked_view_is_not()
    {
        var (app, agencyId, id, code) = await RequestAsync("个人信息审计" + Guid.NewGuid().ToString("N")[..6]);
        var target = RequestStore.FormatCode(code);
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, agencyId));
        var supervisor = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Supervisor, agencyId));

        await supervisor.GetStringAsync($"/admin/requests/{id}");
        var afterMasked = await ReadsAsync(app, target);
        await clerk.GetStringAsync($"/admin/requests/{id}");
        var afterFull = await ReadsAsync(app, target);
        var entry = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().OrderBy(e => e.Id).LastAsync(e => e.Action == AuditActions.PersonalDataRead && e.Target == target));

        Assert.Equal(0, afterMasked);
        Assert.Equal(1, afterFull);
        Assert.Equal(agencyId, entry.AgencyId);
        Assert.StartsWith("clerk-", entry.UserName, StringComparison.Ordinal);
        foreach (var secret in new[] { Name, Email, Phone, IdNumber, Address })
        {
            Assert.DoesNotContain(secret, entry.Details ?? "");
        }
    }

    [Fact]
    public async Task A_notice_is_downloaded_only_by_caseworkers_and_each_download_is_audited()
    {
        var (app, agencyId, id, code) = await RequestAsync("个人信息文书" + Guid.NewGuid().ToString("N")[..6]);
        var notice = await app.WithDbAsync(d => d.RequestNotices.Where(n => n.RequestId == id).Select(n => n.Id).FirstAsync());
        var url = $"/admin/requests/{id}?handler=Notice&noticeId={notice}&format=docx";

        foreach (var role in Others)
        {
            var client = await app.LoginAsync(await app.NewStaffAsync(role, agencyId));
            var download = await client.GetAsync(url);
            var page = await client.GetStringAsync($"/admin/requests/{id}");
            Assert.True(download.IsRedirectTo("/admin/access-denied"), $"{role}: {(int)download.StatusCode}");
            Assert.DoesNotContain("handler=Notice", page);
        }

        var before = await ReadsAsync(app, RequestStore.FormatCode(code));
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, agencyId));
        var allowed = await clerk.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(before + 1, await ReadsAsync(app, RequestStore.FormatCode(code)));
    }

    [Fact]
    public async Task The_ledger_export_masks_applicants_for_others_and_audits_a_full_export()
    {
        var (app, agencyId, _, _) = await RequestAsync("个人信息台账" + Guid.NewGuid().ToString("N")[..6]);
        var year = ChinaDate.Today(TimeProvider.System).Year;
        var url = $"/admin/requests/ledger?handler=Export&year={year}&agency={agencyId}";
        var audited = () => app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action == AuditActions.PersonalDataRead && e.AgencyId == agencyId && e.Target!.Contains("台账")));

        foreach (var role in Others)
        {
            var text = SheetText(await (await app.LoginAsync(await app.NewStaffAsync(role, agencyId))).GetByteArrayAsync(url));
            foreach (var secret in new[] { Name, Phone, IdNumber, "5678" })
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{role} exported “{secret}”");
            }

            Assert.Contains("欧***", text);
        }

        var before = await audited();
        var full = SheetText(await (await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Handler, agencyId))).GetByteArrayAsync(url));

        Assert.Contains(Name, full);
        Assert.Contains(Phone, full);
        Assert.Equal(0, before);
        Assert.Equal(1, await audited());
    }

    [Fact]
    public async Task A_letter_shown_in_full_and_its_attachment_are_audited_and_a_masked_letter_is_not()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var agency = await app.NewAgencyAsync(null);
        var (letterId, attachmentId) = await app.WithDbAsync(async d =>
        {
            var content = "附件内容"u8.ToArray();
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
            if (!await d.StoredFiles.AnyAsync(f => f.Sha256 == sha))
            {
                d.StoredFiles.Add(new StoredFile { Sha256 = sha, Size = content.Length, Content = content, CreatedAt = DateTimeOffset.UnixEpoch });
            }

            var letter = new LetterRecord
            {
                AgencyId = agency.Id,
                TrackingCode = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
                Subject = "个人信息来信",
                Body = "个人信息来信的内容。",
                WriterName = Name,
                Phone = Phone,
                Email = Email,
                Address = Address,
                ContentHash = Guid.NewGuid().ToString("N"),
                Attachments = [new LetterAttachment { FileName = "材料.txt", ContentType = "text/plain", Size = content.Length, Sha256 = sha }],
            };
            d.Letters.Add(letter);
            await d.SaveChangesAsync();
            return (letter.Id, letter.Attachments[0].Id);
        });
        var target = $"来信 {letterId}";
        var supervisor = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Supervisor, agency.Id));
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, agency.Id));

        var masked = Text(await supervisor.GetStringAsync($"/admin/letters/{letterId}"));
        var afterMasked = await ReadsAsync(app, target);
        var full = Text(await clerk.GetStringAsync($"/admin/letters/{letterId}"));
        var afterFull = await ReadsAsync(app, target);
        var file = await clerk.GetAsync($"/admin/letters/{letterId}?handler=file&attachment={attachmentId}");
        var afterFile = await ReadsAsync(app, target);

        foreach (var secret in new[] { Name, Email, Phone, Address, "5678" })
        {
            Assert.False(masked.Contains(secret, StringComparison.Ordinal), $"the supervisor saw “{secret}”");
        }

        Assert.Contains("139********", masked);
        Assert.Contains(Name, full);
        Assert.Contains(Email, full);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal((0, 1, 2), (afterMasked, afterFull, afterFile));
    }

    private static string SheetText(byte[] xlsx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var shared = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText ?? "";
        return shared + string.Concat(document.WorkbookPart.WorksheetParts.Select(w => w.Worksheet.InnerText));
    }
}
