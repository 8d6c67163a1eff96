using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Infrastructure.Identity;
using Gongkai.IntegrationTests.TestSupport;
using Gongkai.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.IntegrationTests.Security;

/// <summary>
/// Every operation of <see cref="StaffOperations"/> asked for every role, on a record of the staff member's own agency,
/// of an agency under it and of one outside it: the decisions must be the table below, which is written out here,
/// apart from the catalog, so that a change of who may do what is a change of this test too.
/// </summary>
public sealed partial class StaffOperationTests
{
    // Operation → the roles that may take it: C clerk, H handler, A approver, P publisher, S supervisor, D administrator.
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["requests.Register"] = "C",
        ["requests.ConfirmReceipt"] = "CH",
        ["requests.RequestCorrection"] = "HA",
        ["requests.ReceiveCorrection"] = "CH",
        ["requests.LapseCorrection"] = "HA",
        ["requests.StartConsultation"] = "HA",
        ["requests.EndConsultation"] = "HA",
        ["requests.Extend"] = "A",
        ["requests.SetReasonableDeadline"] = "A",
        ["requests.RequestReasons"] = "HA",
        ["requests.RecordReasons"] = "HA",
        ["requests.RecordAssistance"] = "CHA",
        ["requests.SendFeeNotice"] = "HA",
        ["requests.RecordFeePaid"] = "CH",
        ["requests.LapseFee"] = "HA",
        ["requests.Decide"] = "HA",
        ["requests.Deliver"] = "CH",
        ["requests.RecordDelivery"] = "CH",
        ["requests.Archive"] = "CH",
        ["requests.Withdraw"] = "CH",
        ["requests.Assign"] = "CA",
        ["requests.ReadPersonalData"] = "CHA",
        ["requests.ImportLedger"] = "CHA",
        ["requests.FindSameInformation"] = "CHA",
        ["requests.LinkSameInformation"] = "HA",
        ["appeals.Record"] = "HA",
        ["letters.Assign"] = "CHA",
        ["letters.Reply"] = "HA",
        ["letters.Approve"] = "A",
        ["letters.Publish"] = "PA",
        ["letters.Configure"] = "AD",
        ["letters.ReadPersonalData"] = "CHA",
        ["publications.Edit"] = "PA",
        ["publications.Review"] = "A",
        ["publications.Publish"] = "PA",
        ["reports.Write"] = "PA",
        ["reports.Approve"] = "A",
        ["supervision.Read"] = "SD",
        ["supervision.CheckReports"] = "SD",
        ["reminders.Configure"] = "D",
        ["reminders.Oversee"] = "A",
        ["administration.Administer"] = "D",
        ["administration.ConfigureDeployment"] = "D",
    };

    private static readonly (char Letter, string Role)[] Roles =
    [
        ('C', StaffRoles.Clerk), ('H', StaffRoles.Handler), ('A', StaffRoles.Approver), ('P', StaffRoles.Publisher),
        ('S', StaffRoles.Supervisor), ('D', StaffRoles.Administrator),
    ];

    [Fact]
    public void Every_operation_has_a_stated_rule_and_every_rule_an_operation()
    {
        var catalog = StaffOperations.All.Select(o => o.ToString()).ToList();

        Assert.Equal(catalog.Count, catalog.Distinct().Count());
        Assert.True(catalog.Except(Expected.Keys).ToList() is [], "Operations with no rule in this test: " + string.Join(", ", catalog.Except(Expected.Keys)));
        Assert.True(Expected.Keys.Except(catalog).ToList() is [], "Rules for operations that no longer exist: " + string.Join(", ", Expected.Keys.Except(catalog)));
        Assert.All(StaffOperations.All, o => Assert.False(string.IsNullOrWhiteSpace(o.Description)));
    }

    [Fact]
    public async Task Every_operation_for_every_role_is_decided_by_role_and_agency_subtree()
    {
        var app = GongkaiApp.For(Db.Sqlite);
        var government = await app.AgencyAsync("示例区人民政府");
        var office = await app.AgencyAsync("示例区人民政府办公室");
        var child = await app.NewAgencyAsync(office.Id, "示例区人民政府办公室所属单位");
        var sibling = await app.AgencyAsync("示例区教育局");
        using var scope = app.Services.CreateScope();
        var authorization = scope.ServiceProvider.GetRequiredService<StaffAuthorization>();
        var failures = new StringBuilder();

        foreach (var operation in StaffOperations.All)
        {
            foreach (var (letter, role) in Roles)
            {
                var byRole = Expected[operation.ToString()].Contains(letter, StringComparison.Ordinal);
                if (StaffAuthorization.May(Staff(role, office.Id), operation) != byRole)
                {
                    failures.AppendLine($"{operation} {role}: role check should be {byRole}");
                }

                if (operation.Scope == OperationScope.Deployment)
                {
                    // Deployment-wide: only at the top of the tree.
                    Check(failures, operation, role, "at the root", await authorization.MayAsync(Staff(role, government.Id), operation), byRole);
                    Check(failures, operation, role, "with no agency", await authorization.MayAsync(Staff(role, null), operation), byRole);
                    Check(failures, operation, role, "in a department", await authorization.MayAsync(Staff(role, office.Id), operation), false);
                    continue;
                }

                var user = Staff(role, office.Id);
                Check(failures, operation, role, "own agency", await authorization.MayAsync(user, operation, office.Id), byRole);
                Check(failures, operation, role, "agency below", await authorization.MayAsync(user, operation, child.Id), byRole);
                Check(failures, operation, role, "sibling agency", await authorization.MayAsync(user, operation, sibling.Id), false);
                // The demo government's disclosure work is handled by its office (Agency.HandledById).
                Check(failures, operation, role, "parent agency the office handles", await authorization.MayAsync(user, operation, government.Id), byRole);
                Check(failures, operation, role, "parent agency not handled", await authorization.MayAsync(Staff(role, child.Id), operation, government.Id), false);
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    /// <summary>
    /// docs/security.md carries the operation × role table made from the catalog: rewrite it with GONGKAI_UPDATE_GOLDEN=1
    /// after a change, and review the diff.
    /// </summary>
    [Fact]
    public async Task The_security_doc_has_the_operation_table_of_the_catalog()
    {
        var header = "| operation | what it is | " + string.Join(" | ", Roles.Select(r => StaffRoles.DisplayName(r.Role))) + " | agency check |\n|---|---|"
            + string.Concat(Roles.Select(_ => "---|")) + "---|\n";
        var rows = StaffOperations.All.Select(o => $"| `{o}` | {o.Description} | "
            + string.Join(" | ", Roles.Select(r => o.Roles.Contains(r.Role) ? "✓" : "")) + " | "
            + (o.Scope == OperationScope.Deployment ? "top of the tree only" : "record's agency in the user's subtree, or handled by an agency of it") + " |");
        var table = header + string.Join("\n", rows) + "\n";
        await Documents.AssertDocSectionAsync("security.md", "operations", table);
    }

    /// <summary>No page, view or endpoint decides by role itself: they ask <see cref="StaffAuthorization"/>.</summary>
    [Fact]
    public void Only_the_security_layer_tests_roles()
    {
        var web = Path.Combine(Documents.RepositoryRoot(), "src", "Gongkai.Web");
        var security = Path.Combine(web, "Security") + Path.DirectorySeparatorChar;
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)) && !f.StartsWith(security, StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => RoleTest().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(web, l.File)}:{l.Line}")
            .ToList();

        Assert.True(offenders.Count == 0, "Role tests outside Security/: " + string.Join(", ", offenders));
    }

    private static void Check(StringBuilder failures, StaffOperation operation, string role, string where, bool actual, bool expected)
    {
        if (actual != expected)
        {
            failures.AppendLine($"{operation} {role} {where}: expected {(expected ? "allowed" : "refused")}");
        }
    }

    private static ClaimsPrincipal Staff(string role, int? agencyId)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "operation-test"), new(ClaimTypes.Role, role) };
        if (agencyId is { } id)
        {
            claims.Add(new Claim(StaffClaims.AgencyId, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", ClaimTypes.Name, ClaimTypes.Role));
    }

    [GeneratedRegex(@"IsInRole\(|RequireRole\(|PublicationAccess|LetterAccess|AppealAccess|RequestPermissions")]
    private static partial Regex RoleTest();
}
