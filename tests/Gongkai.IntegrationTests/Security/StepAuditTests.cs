using System.Net;
using Gongkai.Infrastructure.Auditing;
using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Interaction;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Security;

/// <summary>A step and its audit entry are one transaction: when the audit entry cannot be written, the step is not saved either.</summary>
public sealed class StepAuditTests
{
    [Fact]
    public async Task A_letter_registered_by_staff_is_not_kept_when_its_audit_entry_fails()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoData: false);
        var agency = await app.NewAgencyAsync(null);
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, agency.Id));
        // The audit log refuses letter steps, as a full disk or a lost connection would at that moment.
        await app.WithDbAsync(d => d.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER refuse_letter_audit BEFORE INSERT ON AuditEntries WHEN NEW.Action = 'letter.step' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END;"));

        var response = await clerk.PostFormAsync("/admin/letters/new", "/admin/letters/new", new()
        {
            ["AgencyId"] = agency.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channel"] = "Complaint",
            ["Source"] = "电话",
            ["Subject"] = "投诉路灯损坏",
            ["Body"] = "幸福路路灯损坏多日无人维修，夜间出行不便。",
            ["WriterName"] = "孙大伟",
            ["Phone"] = "13311112222",
        });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(d => d.Letters.CountAsync(l => l.AgencyId == agency.Id)));
        Assert.Equal(0, await app.WithDbAsync(d => d.LetterEvents.CountAsync()));
    }

    /// <summary>A letter written in through the store, as the portal does.</summary>
    private static async Task<long> LetterAsync(GongkaiApp app, int agencyId)
    {
        using var scope = app.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<LetterStore>().SubmitAsync(agencyId,
            new LetterInput(Gongkai.Core.Interaction.InteractionChannel.Inquiry, "咨询居住证办理", "请问办理居住证需要准备哪些材料？" + Guid.NewGuid().ToString("N"), null, null, null, null, false),
            [], new DateOnly(2026, 3, 2));
        return outcome.Letter!.Id;
    }

    [Fact]
    public async Task A_letter_step_is_saved_with_its_audit_entry_and_a_refused_step_writes_neither()
    {
        using var app = new GongkaiApp(Db.Sqlite, demoData: false);
        var agency = await app.NewAgencyAsync(null);
        var clerk = await app.LoginAsync(await app.NewStaffAsync(StaffRoles.Clerk, agency.Id));
        var id = await LetterAsync(app, agency.Id);
        var page = $"/admin/letters/{id}";
        int Audits(Gongkai.Infrastructure.Persistence.GongkaiDbContext d) => d.AuditEntries.Count(a => a.Action == AuditActions.LetterChanged && a.Target == $"来信 {id}");

        // Refused by Core (no unit): nothing saved, no audit entry.
        var refused = await clerk.PostFormAsync(page, page + "?handler=assign", new() { ["Unit"] = " " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(d => Task.FromResult(Audits(d))));

        // Taken: the step, its history line and the audit entry, together.
        var taken = await clerk.PostFormAsync(page, page + "?handler=assign", new() { ["Unit"] = "区政府办公室" });
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var letter = await app.WithDbAsync(d => d.Letters.AsNoTracking().Include(l => l.Events).SingleAsync(l => l.Id == id));
        Assert.Equal(Gongkai.Core.Interaction.LetterStatus.Assigned, letter.Status);
        Assert.Equal(["收到来信", "分办"], letter.Events.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.Equal(1, await app.WithDbAsync(d => Task.FromResult(Audits(d))));

        // The audit log fails at the moment of the next step: the step is not kept either.
        await app.WithDbAsync(d => d.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER refuse_letter_audit BEFORE INSERT ON AuditEntries WHEN NEW.Action = 'letter.step' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END;"));
        var failed = await clerk.PostFormAsync(page, page + "?handler=assign", new() { ["Unit"] = "区住建局", ["Reason"] = "属住建局职责" });
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var after = await app.WithDbAsync(d => d.Letters.AsNoTracking().Include(l => l.Events).SingleAsync(l => l.Id == id));
        Assert.Equal("区政府办公室", after.Unit);
        Assert.Equal(2, after.Events.Count);
    }
}
