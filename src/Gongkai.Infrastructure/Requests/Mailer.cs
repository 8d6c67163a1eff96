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
