using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Core.AnnualReports;

namespace Gongkai.Infrastructure.AnnualReports;

/// <summary>The report as JSON in a documented, versioned shape (docs/report-json.md).</summary>
public static class ReportJson
{
    public const string Schema = "gongkai.annual-report.v1";

    public static string Write(AnnualReportModel report)
    {
        var requests = new JsonArray();
        foreach (var row in report.Requests.Rows)
        {
            requests.Add(new JsonObject
            {
                ["code"] = row.Code,
                ["label"] = row.Label,
                ["kind"] = row.Kind.ToString(),
                ["depth"] = row.Depth,
                ["values"] = row.Kind == RowKind.Heading ? null : new JsonArray(Enumerable.Range(0, 7).Select(c => (JsonNode?)report.Requests[row.Code, c]).ToArray()),
            });
        }

        var article20 = new JsonArray();
        foreach (var table in report.Article20.Tables)
        {
            article20.Add(new JsonObject
            {
                ["item"] = table.Item,
                ["unit"] = table.Unit,
                ["columns"] = new JsonArray(table.Columns.Select(c => (JsonNode?)c).ToArray()),
                ["rows"] = new JsonArray(table.Rows.Select(r => (JsonNode?)new JsonObject
                {
                    ["label"] = r,
                    ["values"] = new JsonArray(table.Columns.Select(c => (JsonNode?)report.Article20[table.Item, r, c]).ToArray()),
                }).ToArray()),
            });
        }

        var appeals = new JsonArray(ReportFormats.AppealGroups.Select(g => (JsonNode?)new JsonObject
        {
            ["kind"] = g.Kind.ToString(),
            ["group"] = g.Group,
            ["subgroup"] = g.Subgroup,
            ["values"] = new JsonArray(Enumerable.Range(0, 5).Select(c => (JsonNode?)report.Appeals[g.Kind, c]).ToArray()),
        }).ToArray());

        var root = new JsonObject
        {
            ["schema"] = Schema,
            ["title"] = report.Title,
            ["agency"] = new JsonObject { ["fullName"] = report.Agency.FullName, ["creditCode"] = report.Agency.CreditCode },
            ["year"] = report.Year,
            ["format"] = report.Format.ToString(),
            ["subtree"] = report.Subtree,
            ["coverage"] = report.Coverage,
            ["coveredAgencies"] = new JsonArray(report.CoveredAgencies.Select(a => (JsonNode?)a).ToArray()),
            ["sections"] = new JsonArray(ReportFormats.Sections.Select(s => (JsonNode?)s).ToArray()),
            ["article20"] = article20,
            ["requests"] = new JsonObject
            {
                ["corner"] = ReportFormats.RequestTableCorner,
                ["columns"] = new JsonArray(ReportFormats.RequestColumns.Select(c => (JsonNode?)c.Label).ToArray()),
                ["rows"] = requests,
            },
            ["appeals"] = new JsonObject
            {
                ["columns"] = new JsonArray(ReportFormats.AppealColumns.Select(c => (JsonNode?)c.Label).ToArray()),
                ["groups"] = appeals,
            },
            ["narrative"] = new JsonObject(AnnualReportModel.WrittenSections.Select(n =>
                KeyValuePair.Create(n.ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode?)report.SectionText(n)))),
            ["drafts"] = new JsonObject { ["requests"] = report.RequestsDraft, ["appeals"] = report.AppealsDraft, ["other"] = report.FeesDraft },
            ["findings"] = new JsonArray(report.Findings.Select(f => (JsonNode?)new JsonObject
            {
                ["rule"] = f.RuleId,
                ["severity"] = f.Severity.ToString(),
                ["location"] = f.Location,
                ["message"] = f.Message,
            }).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
