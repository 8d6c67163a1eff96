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
public sealed class Mailer(GongkaiDbContext db, GongkaiSettings settings, TimeProvider clock, Nodes.NodeIdentity node)
{
    public const int MaxAttempts = 10;

    /// <summary>
    /// How long a node's claim on an e-mail holds: long enough for any SMTP exchange; a node that died while sending
    /// leaves it to another after this.
    /// </summary>
    public static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Sends what is queued: of one request, of one letter, or (both null) all. Every e-mail is first claimed in one
    /// conditional UPDATE, so when several nodes (or a step and the outbox job) reach the same e-mail, one sends it.
    /// </summary>
    public async Task<int> SendPendingAsync(long? requestId = null, CancellationToken ct = default, long? letterId = null)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.RequestEmails.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts && (requestId == null || m.RequestId == requestId) && (letterId == null || m.LetterId == letterId))
            .Where(m => m.ClaimedUntil == null || m.ClaimedUntil < now)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(100).ToListAsync(ct);
        var sent = 0;
        foreach (var id in candidates)
        {
            var mail = await ClaimAsync(id, ct);
            if (mail is null)
            {
                continue;
            }

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

            mail.ClaimedUntil = null;
            await db.SaveChangesAsync(ct);
        }

        return sent;
    }

    /// <summary>The e-mail, claimed for this node; null when it was sent or another node holds it.</summary>
    private async Task<RequestEmail?> ClaimAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + ClaimTime;
        var claimed = await db.RequestEmails
            .Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, node.Name).SetProperty(m => m.ClaimedUntil, until), ct);
        return claimed == 0 ? null : await db.RequestEmails.FirstAsync(m => m.Id == id, ct);
    }

    /// <summary>E-mails waiting to go out (the outbox's depth, a metric).</summary>
    public Task<int> QueuedCountAsync(CancellationToken ct = default) =>
        db.RequestEmails.CountAsync(m => m.SentAt == null && m.Attempts < MaxAttempts, ct);

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

/// <summary>Retries queued e-mails every few minutes, on one node at a time, so a mail server that was down catches up on its own.</summary>
public sealed class MailOutboxJob : Nodes.IRecurringJob
{
    public string Name => "mail-outbox";

    public TimeSpan Every => TimeSpan.FromMinutes(1);

    public async Task<string?> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var sent = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Mailer>(services).SendPendingAsync(null, ct);
        return sent > 0 ? $"sent {sent} queued e-mails" : null;
    }
}
