using System.Net;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;

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
}
