using System.Net;
using System.Net.Mail;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Requests;

/// <summary>
/// Sends queued e-mails. With <c>Gongkai:Mail:Host</c> set it uses that SMTP server; otherwise it writes .eml files
/// to the pickup folder (<c>data/mail</c> by default), so nothing is lost and an office without a mail server can
/// still see what would have gone out. A failed send stays queued with its error and is tried again later.
/// </summary>
public sealed class Mailer(GongkaiDbContext db, GongkaiSettings settings, TimeProvider clock)
{
    public const int MaxAttempts = 10;

    /// <summary>Sends what is queued: of one request, of one letter, or (both null) all.</summary>
    public async Task<int> SendPendingAsync(long? requestId = null, CancellationToken ct = default, long? letterId = null)
    {
        var pending = await db.RequestEmails
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts && (requestId == null || m.RequestId == requestId) && (letterId == null || m.LetterId == letterId))
            .OrderBy(m => m.Id).Take(100).ToListAsync(ct);
        var sent = 0;
        foreach (var mail in pending)
        {
            mail.Attempts++;
            try
            {
                using var message = new MailMessage(settings.Mail.From, mail.To, mail.Subject, mail.Body);
                if (mail.EventSequence is { } sequence)
                {
                    var notice = await db.RequestNotices.AsNoTracking().FirstOrDefaultAsync(n => n.RequestId == mail.RequestId && n.EventSequence == sequence, ct);
                    if (notice is not null)
                    {
                        message.Attachments.Add(notice.Pdf is { } pdf
                            ? new Attachment(new MemoryStream(pdf), notice.Title + ".pdf", "application/pdf")
                            : new Attachment(new MemoryStream(notice.Docx), notice.Title + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
                        if (notice.Kind == Core.Requests.NoticeKind.Reply)
                        {
                            await AttachDisclosedAsync(message, mail.RequestId!.Value, ct);
                        }
                    }
                }

                using var client = Client();
                await client.SendMailAsync(message, ct);
                mail.SentAt = clock.GetUtcNow();
                mail.LastError = null;
                sent++;
            }
            catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException or FormatException)
            {
                mail.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            }

            await db.SaveChangesAsync(ct);
        }

        return sent;
    }

    /// <summary>Most mail servers refuse larger messages: beyond this the files stay on the tracking page only.</summary>
    public const long MaxDisclosedBytes = 15 * 1024 * 1024;

    /// <summary>
    /// An applicant who chose e-mail gets the information disclosed with the reply, as long as it fits in a message;
    /// it is always on the tracking page as well.
    /// </summary>
    private async Task AttachDisclosedAsync(MailMessage message, long requestId, CancellationToken ct)
    {
        var wantsEmail = await db.Requests.AsNoTracking().AnyAsync(r => r.Id == requestId && r.ObtainMethod == Core.Requests.ObtainMethod.Email, ct);
        var files = await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == requestId && a.Purpose == AttachmentPurpose.Disclosed).OrderBy(a => a.Id).ToListAsync(ct);
        if (!wantsEmail || files.Count == 0)
        {
            return;
        }

        if (files.Sum(f => f.Size) > MaxDisclosedBytes)
        {
            message.Body += "\n\n所公开的信息文件较大，未随邮件发送，请凭查询码在网站“查询办理进度”页面下载。";
            return;
        }

        foreach (var file in files)
        {
            var content = await db.StoredFiles.AsNoTracking().Where(f => f.Sha256 == file.Sha256).Select(f => f.Content).FirstAsync(ct);
            message.Attachments.Add(new Attachment(new MemoryStream(content), file.FileName, file.ContentType));
        }
    }

    private SmtpClient Client()
    {
        var mail = settings.Mail;
        if (string.IsNullOrWhiteSpace(mail.Host))
        {
            Directory.CreateDirectory(mail.PickupDirectory);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = mail.PickupDirectory };
        }

        var client = new SmtpClient(mail.Host, mail.Port) { EnableSsl = mail.EnableSsl };
        if (!string.IsNullOrEmpty(mail.User))
        {
            client.Credentials = new NetworkCredential(mail.User, mail.Password);
        }

        return client;
    }
}
