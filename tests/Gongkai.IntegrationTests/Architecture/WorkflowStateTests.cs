using System.Reflection;
using System.Text.RegularExpressions;
using Gongkai.Infrastructure.Interaction;
using Gongkai.Infrastructure.Persistence;
using Gongkai.IntegrationTests.TestSupport;

namespace Gongkai.IntegrationTests.Architecture;

/// <summary>
/// A workflow's state is decided in Core, by its aggregate (<c>InformationRequest</c>, <c>Letter</c>, <c>Publication</c>, <c>GazetteIssue</c>): a store loads
/// the record, lets the aggregate take the step, and keeps what it decided. These tests fail when Infrastructure or
/// Web code sets a workflow's status itself. The workflows not yet moved to an aggregate are listed; the list may only
/// shrink.
/// </summary>
public sealed partial class WorkflowStateTests
{
    /// <summary>Records whose status may still be set by anyone: none.</summary>
    private static readonly string[] NotYetAggregates = [];

    [Fact]
    public void No_record_outside_core_has_a_status_anyone_may_set()
    {
        var settable = typeof(GongkaiDbContext).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.DeclaringType == t).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.Name == "Status" && x.Property.PropertyType.IsEnum && x.Property.SetMethod is { IsPublic: true } set
                && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
            .Select(x => x.Type.Name).Order().ToList();

        Assert.Equal(NotYetAggregates, settable);
    }

    [Fact]
    public void A_request_record_s_projection_is_set_only_from_its_aggregate()
    {
        string[] projection = ["Channel", "ApplicantType", "Status", "SubmittedOn", "ReceivedOn", "DueOn", "DueProvisional", "ClockState", "PausedUntil", "DecidedOn", "Outcome", "HandlerUserName"];

        var open = projection.Where(name => typeof(Gongkai.Infrastructure.Requests.RequestRecord).GetProperty(name)!.SetMethod!.IsPublic).ToList();

        Assert.Empty(open);
    }

    [Fact]
    public void A_letter_record_s_workflow_fields_are_set_only_from_its_aggregate()
    {
        string[] workflow = ["Status", "DueOn", "Unit", "Handler", "Reply", "AnsweredOn", "AnsweredBy", "ClosedReason", "Rating", "RatingComment", "IsPublished", "PublicSubject", "PublicBody", "PublicReply", "PublishedOn"];

        var open = workflow.Where(name => typeof(LetterRecord).GetProperty(name)!.SetMethod!.IsPublic).ToList();

        Assert.Empty(open);
    }

    [Fact]
    public void A_publication_record_s_workflow_fields_are_set_only_from_its_aggregate()
    {
        string[] workflow = ["Status", "CreatedBy", "ReviewedBy", "ReviewedAt", "ReviewOpinion", "PublishedOn", "PublishedBy", "PublishedAt", "NoInterpretationReason", "RepealedOn", "RepealedBy", "ExpiredOn"];

        var open = workflow.Where(name => typeof(Gongkai.Infrastructure.Publications.PublicationRecord).GetProperty(name)!.SetMethod!.IsPublic).ToList();

        Assert.Empty(open);
    }

    [Fact]
    public void A_gazette_issue_record_is_set_only_from_its_aggregate()
    {
        var open = typeof(Gongkai.Infrastructure.Publications.GazetteIssueRecord).GetProperties()
            .Where(p => p.SetMethod is { IsPublic: true } || p.DeclaringType!.GetConstructors().Length > 0).Select(p => p.Name).ToList();

        Assert.Empty(open);
    }

    [Fact]
    public void No_code_outside_core_decides_a_workflow_status()
    {
        var root = Documents.RepositoryRoot();
        var offending = new[] { "src/Gongkai.Infrastructure", "src/Gongkai.Web", "src/Gongkai.Cli" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(root, dir), "*.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/Migrations/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(Path.Combine(root, path)).Select((line, i) => (path, line, i)))
            .Where(x => StatusAssignment().IsMatch(x.line))
            .Select(x => $"{x.path}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.Empty(offending);
    }

    // "Status = LetterStatus.Answered", "record.Status = Gongkai.Core.Publications.PublicationStatus.Draft".
    /// <summary>
    /// Whether a change would alter a figure an approved report locked is decided by the stores that make the change
    /// (requests, the ledger import, appeals, report content), never by a page.
    /// </summary>
    [Fact]
    public void Report_locks_are_checked_by_stores_not_by_pages()
    {
        var web = Path.Combine(Documents.RepositoryRoot(), "src", "Gongkai.Web");
        var offenders = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("ReportLocks", StringComparison.Ordinal) || text.Contains("ContentChangingAsync", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(web, f)).ToList();

        Assert.True(offenders.Count == 0, "Pages checking report locks themselves: " + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"\bStatus\s*=\s*([\w.]+\.)?\w+Status\.\w+")]
    private static partial Regex StatusAssignment();
}
