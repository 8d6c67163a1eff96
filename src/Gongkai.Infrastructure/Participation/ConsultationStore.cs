using Gongkai.Core.Participation;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Infrastructure.Participation;

/// <summary>
/// 意见征集: loads, asks the <see cref="Consultation"/> aggregate, saves — with the audit entry the page added, in one
/// SaveChanges. A refusal writes nothing.
/// </summary>
public sealed class ConsultationStore(GongkaiDbContext db, TimeProvider clock)
{
    public async Task<(ConsultationRecord? Record, IReadOnlyDictionary<string, string> Errors)> StartAsync(int agencyId, ConsultationInput input, DateOnly today, string actor, CancellationToken ct = default)
    {
        var (consultation, errors) = Consultation.Start(input, today);
        if (consultation is null)
        {
            db.ChangeTracker.Clear();
            return (null, errors);
        }

        var record = new ConsultationRecord { AgencyId = agencyId, CreatedBy = actor, CreatedAt = clock.GetUtcNow() };
        record.Take(consultation);
        db.Consultations.Add(record);
        await db.SaveChangesAsync(ct);
        return (record, errors);
    }

    /// <summary>A comment from the public, taken only while the consultation runs.</summary>
    public async Task<string?> CommentAsync(long id, string? content, string? name, string? contact, DateOnly today, CancellationToken ct = default)
    {
        var record = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (record is null)
        {
            return "征求意见不存在。";
        }

        if (record.ToConsultation().CheckComment(content, today) is { } refusal)
        {
            return refusal;
        }

        db.ConsultationComments.Add(new ConsultationComment
        {
            ConsultationId = id,
            Content = content!.Trim(),
            Name = Clean(name, 50),
            Contact = Clean(contact, 100),
            At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> PublishFeedbackAsync(long id, string? text, DateOnly today, CancellationToken ct = default)
    {
        var record = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (record is null)
        {
            db.ChangeTracker.Clear();
            return "征求意见不存在。";
        }

        var consultation = record.ToConsultation();
        if (consultation.PublishFeedback(text, today) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return refusal;
        }

        record.Take(consultation);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static string? Clean(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var v && v.Length > max ? v[..max] : v.Trim();
}
