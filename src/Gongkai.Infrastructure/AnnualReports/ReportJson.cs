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
                ["values"] = row.Kind == RowKind.Heading ? null : new JsonArray(ApplicantColumns.All.Select(c => (JsonNode?)report.Requests[row.Id, c]).ToArray()),
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
            ["values"] = new JsonArray(AppealColumns.All.Select(c => (JsonNode?)report.Appeals[g.Kind, c]).ToArray()),
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
                ["columns"] = new JsonArray(ApplicantColumns.All.Select(c => (JsonNode?)c.Label()).ToArray()),
                ["rows"] = requests,
            },
            ["appeals"] = new JsonObject
            {
                ["columns"] = new JsonArray(AppealColumns.All.Select(c => (JsonNode?)c.Label()).ToArray()),
                ["groups"] = appeals,
            },
            ["narrative"] = new JsonObject(AnnualReportModel.WrittenSections.Select(n =>
                KeyValuePair.Create(n.ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode?)report.SectionText(n)))),
            ["drafts"] = new JsonObject { ["requests"] = report.RequestsDraft, ["appeals"] = report.AppealsDraft, ["other"] = report.FeesDraft },
            ["stage"] = report.Stage.ToString(),
            ["publishedOn"] = report.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["handEntered"] = report.HandEntered,
            ["history"] = new JsonArray(report.History.Select(h => (JsonNode?)new JsonObject { ["year"] = h.Year, ["received"] = h.Received, ["decided"] = h.Decided }).ToArray()),
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

    /// <summary>
    /// A report back from its JSON: what an approved report's snapshot is kept as, so the published figures never
    /// change when records do. Findings are not read back; the caller checks the tables again.
    /// </summary>
    public static AnnualReportModel Read(string json, Gongkai.Core.Agencies.Agency agency)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("年度报告快照不是 JSON 对象。");
        if ((string?)root["schema"] != Schema)
        {
            throw new InvalidDataException($"年度报告快照的格式“{(string?)root["schema"]}”无法识别。");
        }

        var format = Enum.Parse<ReportFormat>((string)root["format"]!);
        var requests = new RequestTable(format);
        foreach (var row in root["requests"]!["rows"]!.AsArray())
        {
            if (row!["values"] is JsonArray values)
            {
                var id = requests.RowOf((string)row["code"]!);
                for (var c = 0; c < values.Count; c++)
                {
                    requests[id, (ApplicantColumn)c] = (int)values[c]!;
                }
            }
        }

        var appeals = new AppealsTable();
        foreach (var group in root["appeals"]!["groups"]!.AsArray())
        {
            var kind = Enum.Parse<Gongkai.Core.Appeals.AppealKind>((string)group!["kind"]!);
            var values = group["values"]!.AsArray();
            for (var c = 0; c < values.Count; c++)
            {
                appeals[kind, (AppealColumn)c] = (int)values[c]!;
            }
        }

        var article20 = new Article20Figures(format);
        foreach (var table in root["article20"]!.AsArray())
        {
            var columns = table!["columns"]!.AsArray().Select(c => (string)c!).ToList();
            foreach (var row in table["rows"]!.AsArray())
            {
                var values = row!["values"]!.AsArray();
                for (var c = 0; c < columns.Count; c++)
                {
                    article20[(string)table["item"]!, (string)row["label"]!, columns[c]] = (decimal)values[c]!;
                }
            }
        }

        var narrative = root["narrative"]!.AsObject().ToDictionary(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p => (string)p.Value!);
        var drafts = root["drafts"]!;
        var year = (int)root["year"]!;
        var named = new Gongkai.Core.Agencies.Agency
        {
            Id = agency.Id,
            FullName = (string)root["agency"]!["fullName"]!,
            ShortName = agency.ShortName,
            CreditCode = (string)root["agency"]!["creditCode"]!,
            Level = agency.Level,
            ParentId = agency.ParentId,
        };
        return new AnnualReportModel(named, year, format, ReportFormats.Warning(year, format), (bool)root["subtree"]!,
            root["coveredAgencies"]!.AsArray().Select(a => (string)a!).ToList(), article20, requests, appeals, [],
            (string)drafts["requests"]!, (string)drafts["appeals"]!, (string)drafts["other"]!, narrative)
        {
            Stage = root["stage"] is { } stage ? Enum.Parse<ReportStage>((string)stage!) : ReportStage.Draft,
            PublishedOn = root["publishedOn"] is { } on ? DateOnly.ParseExact((string)on!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
            HandEntered = (bool?)root["handEntered"] ?? false,
            History = root["history"] is JsonArray history
                ? history.Select(h => new YearFigures((int)h!["year"]!, (int)h["received"]!, (int)h["decided"]!)).ToList()
                : [],
        };
    }
}
