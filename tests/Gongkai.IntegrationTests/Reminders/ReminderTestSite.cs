using Gongkai.Infrastructure.Identity;
using Gongkai.Infrastructure.Reminders;
using Gongkai.Infrastructure.Requests;
using Gongkai.IntegrationTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Reminders;

/// <summary>
/// A host of its own on a fixed clock with the job runner switched off (the tests run the job themselves), and an
/// agency with a clerk, a handler and a head who have e-mail addresses.
/// </summary>
internal sealed class ReminderTestSite : IDisposable
{
    public static readonly Dictionary<string, string> NoBackgroundJobs = new() { ["Gongkai:Jobs:Enabled"] = "false" };

    private ReminderTestSite(GongkaiApp app, FixedClock clock)
    {
        App = app;
        Clock = clock;
    }

    public GongkaiApp App { get; }
    public FixedClock Clock { get; }
    public Gongkai.Core.Agencies.Agency Agency { get; private set; } = null!;
    public GongkaiApp.Staff Clerk { get; private set; } = null!;
    public GongkaiApp.Staff Handler { get; private set; } = null!;
    public GongkaiApp.Staff Head { get; private set; } = null!;
    public string HandlerMail => Handler.UserName + "@example.gov.cn";
    public string HeadMail => Head.UserName + "@example.gov.cn";

    /// <summary>The site on Monday 2026-09-14, 10:00 Beijing time.</summary>
    public static async Task<ReminderTestSite> StartAsync(Db db = Db.Sqlite)
    {
        var clock = FixedClock.At("2026-09-14T10:00:00+08:00");
        var site = new ReminderTestSite(new GongkaiApp(db, demoData: false, clock: clock, settings: NoBackgroundJobs), clock);
        site.Agency = await site.App.NewAgencyAsync(null);
        site.Clerk = await site.App.NewStaffAsync(StaffRoles.Clerk, site.Agency.Id);
        site.Handler = await site.App.NewStaffAsync(StaffRoles.Handler, site.Agency.Id);
        site.Head = await site.App.NewStaffAsync(StaffRoles.Approver, site.Agency.Id);
        await site.SetMailAsync(site.Handler, site.HandlerMail);
        await site.SetMailAsync(site.Head, site.HeadMail);
        return site;
    }

    public Task SetMailAsync(GongkaiApp.Staff staff, string address) =>
        App.WithDbAsync(d => d.Users.Where(u => u.UserName == staff.UserName).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, address)));

    /// <summary>A request received in person on <paramref name="day"/> and assigned to the handler.</summary>
    public async Task<long> AssignedRequestAsync(string day, string title)
    {
        Clock.Set(day);
        var id = await App.NewRequestAsync(Agency.Id, title);
        var response = await StepAsync(Clerk, id, "Assign", new() { ["AssignTo"] = Handler.UserName });
        Assert.True(response.IsRedirectTo($"/admin/requests/{id}"), $"Assign: {(int)response.StatusCode}");
        return id;
    }

    public async Task<HttpResponseMessage> StepAsync(GongkaiApp.Staff who, long id, string step, Dictionary<string, string>? fields = null)
    {
        var client = await App.LoginAsync(who);
        var version = await App.WithDbAsync(d => d.Requests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        var all = new Dictionary<string, string>(fields ?? []) { ["step"] = step, ["Version"] = $"{version}" };
        return await client.PostFormAsync($"/admin/requests/{id}", $"/admin/requests/{id}", all);
    }

    /// <summary>Runs the reminder job's work at 10:00 on <paramref name="day"/>, as the node holding its lease would.</summary>
    public async Task<ReminderRunResult> RunOnAsync(string day)
    {
        Clock.Set(day);
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderSender>().RunAsync();
    }

    /// <summary>The e-mails queued so far to <paramref name="address"/>, oldest first.</summary>
    public Task<List<RequestEmail>> MailsToAsync(string address) =>
        App.WithDbAsync(d => d.RequestEmails.AsNoTracking().Where(m => m.To == address).OrderBy(m => m.Id).ToListAsync());

    public void Dispose() => App.Dispose();
}
