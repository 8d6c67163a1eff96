using System.Globalization;
using System.Text.Json;
using Gongkai.Core.Agencies;
using Gongkai.Core.AnnualReports;
using Gongkai.Core.Appeals;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.AnnualReports;
using Gongkai.Infrastructure.Demo;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

/// <summary>Seeds the benchmark databases: agency trees, requests as the ledger counts them, what staff enter for the report.</summary>
internal static class Seeding
{
    // A government with `children` units under it and `grandchildren` under each of those (departments and townships,
    // alternately). Fictional, with well-formed credit codes in the demo data's nonexistent division 999999. Returns their
    // ids, the government first, then the children in order.
    public static async Task<List<int>> SeedAgenciesAsync(GongkaiDbContext db, int children, AgencyLevel childLevel, int grandchildren)
    {
        var serial = 1000;
        Agency Add(string fullName, string shortName, AgencyLevel level, int? parentId)
        {
            var agency = new Agency
            {
                FullName = fullName,
                ShortName = shortName,
                CreditCode = DemoDataSeeder.DemoCreditCode(serial++),
                Level = level,
                ParentId = parentId,
                IsDemo = true,
                Contact = new DisclosureOfficeContact { OfficeName = fullName + "政务公开办公室", Phone = "0999-12345678" },
            };
            db.Agencies.Add(agency);
            return agency;
        }

        string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
        var root = Add("基准市人民政府", "基准市政府", AgencyLevel.Government, null);
        await db.SaveChangesAsync();
        var level = childLevel == AgencyLevel.Government ? "区人民政府" : "局";
        var added = Enumerable.Range(1, children).Select(i => Add(Invariant($"基准市第{i}{level}"), Invariant($"第{i}{level}"), childLevel, root.Id)).ToList();
        await db.SaveChangesAsync();
        foreach (var (child, i) in added.Select((c, i) => (c, i + 1)))
        {
            for (var j = 1; j <= grandchildren; j++)
            {
                _ = j % 2 == 1
                    ? Add(Invariant($"基准市第{i}区第{j}局"), Invariant($"{i}区{j}局"), AgencyLevel.Department, child.Id)
                    : Add(Invariant($"基准市第{i}区第{j}街道办事处"), Invariant($"{i}区{j}街道"), AgencyLevel.Township, child.Id);
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return [root.Id, .. added.Select(a => a.Id)];
    }

    // Requests as the ledger counts them: received on a day `received` picks (by default over 7 years from 2019-06), 5 %
    // never decided, the rest decided 1–59 days later, at an agency `agency` picks (by default any, evenly). With
    // `history`, each also gets the events it would have (submitted, decided; for about 1 % of those received since fees
    // apply a fee notice and its payment), and about 1 % of the decided an appeal. Raw inserts (BulkInsert), a transaction
    // per 5,000 requests; the requests themselves are the same with or without history.
    public static async Task SeedAsync(GongkaiDbContext db, int count, Func<Random, DateOnly>? received = null, Func<Random, int>? agency = null, bool history = false)
    {
        var random = new Random(1);
        var extra = new Random(2);
        if (agency is null)
        {
            var agencies = await db.Agencies.Select(a => a.Id).ToListAsync();
            agency = r => agencies[r.Next(agencies.Count)];
        }

        received ??= r => new DateOnly(2019, 6, 1).AddDays(r.Next(0, 7 * 365));
        var json = new JsonSerializerOptions
        {
            // As RequestStore writes them.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        };
        var dataEnd = new DateOnly(2026, 6, 30);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        long nextId;
        await using (var max = connection.CreateCommand())
        {
            max.CommandText = """SELECT COALESCE(MAX("Id"), 0) FROM "Requests" """;
            nextId = Convert.ToInt64(await max.ExecuteScalarAsync(), CultureInfo.InvariantCulture) + 1;
        }

        var requests = new BulkInsert(db, "Requests", "Id", "AgencyId", "TrackingCode", "ApplicantName", "IdType", "IdNumber", "Phone", "InformationTitle",
            "ProvisionForm", "ObtainMethod", "Assistance", "Channel", "ApplicantType", "Status", "SubmittedOn", "ReceivedOn", "ClockState", "DueProvisional", "DecidedOn", "Outcome", "Version", "CreatedAt", "UpdatedAt");
        var events = new BulkInsert(db, "RequestEvents", "RequestId", "Sequence", "Type", "On", "RecordedAt", "UserName", "Json");
        var appeals = new BulkInsert(db, "Appeals", "AgencyId", "Kind", "RequestId", "Body", "FiledOn", "ConcludedOn", "Result");
        const int batch = 5000;
        for (var done = 0; done < count; done += batch)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            for (var i = 0; i < Math.Min(batch, count - done); i++)
            {
                var id = nextId++;
                var on = received(random);
                DateOnly? decided = random.Next(20) == 0 ? null : on.AddDays(random.Next(1, 60));
                var agencyId = agency(random);
                var type = (ApplicantType)random.Next(6);
                Outcome? outcome = decided is null ? null : (Outcome)random.Next(21);
                var steps = new List<RequestEvent>();
                if (history)
                {
                    steps.Add(new Submitted { On = on, By = Actor.Applicant, Channel = Channel.Online, ApplicantType = type, ReceivedOn = on });
                    if (decided is { } d && on >= ProcessingFees.EffectiveFrom && d.DayNumber - on.DayNumber >= 5 && extra.Next(100) == 0)
                    {
                        var clerk = new Actor("clerk", "基准登记员");
                        steps.Add(new FeeNoticeSent { On = on.AddDays(1), By = clerk, Basis = FeeBasis.ByCount, Amount = 100m * extra.Next(1, 5), Explanation = "超出免费额度的申请按件计收" });
                        steps.Add(new FeePaid { On = on.AddDays(3), By = clerk });
                    }

                    if (decided is { } decidedOn)
                    {
                        steps.Add(new Decided { On = decidedOn, By = new Actor("handler", "基准承办人"), Outcome = outcome!.Value, Reason = "基准测试答复", LegalBasis = "《中华人民共和国政府信息公开条例》第三十六条" });
                        if (extra.Next(100) == 0)
                        {
                            var filed = decidedOn.AddDays(extra.Next(10, 60));
                            var concluded = filed.AddDays(extra.Next(30, 120));
                            var kind = (AppealKind)extra.Next(3);
                            var result = concluded > dataEnd ? AppealResult.Pending : (AppealResult)extra.Next(3);
                            appeals.Add(agencyId, kind, id, kind == AppealKind.Reconsideration ? "基准市人民政府" : "基准市人民法院", filed,
                                result == AppealResult.Pending ? null : concluded, result);
                        }
                    }
                }

                var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
                requests.Add(id, agencyId, "B" + id.ToString("D11", CultureInfo.InvariantCulture), "基准测试", IdentityDocumentType.ResidentIdCard,
                    "11010519491231002X", "13800138000", "基准测试申请", ProvisionForm.Electronic, ObtainMethod.Online, 0, Channel.Online, type,
                    decided is null ? RequestStatus.Processing : RequestStatus.Archived, on, on, decided is null ? ClockState.Running : ClockState.Met, false,
                    decided, outcome, Math.Max(1, steps.Count), at, at);
                foreach (var (e, sequence) in steps.Select((e, n) => (e, n + 1)))
                {
                    events.Add(id, sequence, e.GetType().Name, e.On, at, e.By.UserName, JsonSerializer.Serialize(e, json));
                }
            }

            await requests.FlushAsync(transaction);
            await events.FlushAsync(transaction);
            await appeals.FlushAsync(transaction);
            await transaction.CommitAsync();
        }

        if (db is PostgresGongkaiDbContext)
        {
            // The ids were given explicitly: move the identity past them.
            await db.Database.ExecuteSqlRawAsync("""SELECT setval(pg_get_serial_sequence('"Requests"', 'Id'), (SELECT MAX("Id") FROM "Requests"))""");
        }

        await db.Database.CloseConnectionAsync();
    }

    // What staff enter for the report: every agency's Art. 20 figures for every year of the data, and the written
    // sections of the benchmarked report.
    public static async Task SeedReportEntriesAsync(GongkaiDbContext db, int reportAgency, int year, bool subtree)
    {
        var random = new Random(3);
        var agencies = await db.Agencies.Select(a => a.Id).ToListAsync();
        var at = new DateTimeOffset(2026, 1, 10, 2, 0, 0, TimeSpan.Zero);
        var figures = new BulkInsert(db, "Article20Figures", "AgencyId", "Year", "Item", "Row", "Column", "Value", "UpdatedBy", "UpdatedAt");
        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.GetDbConnection().BeginTransactionAsync())
        {
            foreach (var agency in agencies)
            {
                for (var y = 2019; y <= 2025; y++)
                {
                    foreach (var table in Article20Formats.Tables(ReportFormats.ForYear(y)))
                    {
                        foreach (var row in table.Rows)
                        {
                            foreach (var column in table.Columns)
                            {
                                figures.Add(agency, y, table.Item, row, column, (decimal)random.Next(0, 50), "clerk", at);
                            }
                        }
                    }
                }
            }

            await figures.FlushAsync(transaction);
            await transaction.CommitAsync();
        }

        await db.Database.CloseConnectionAsync();
        foreach (var section in AnnualReportModel.WrittenSections)
        {
            db.ReportNarratives.Add(new ReportNarrativeRecord
            {
                AgencyId = reportAgency,
                Year = year,
                Subtree = subtree,
                Section = section,
                Text = "基准测试：工作人员撰写的本节内容。",
                UpdatedBy = "clerk",
                UpdatedAt = at,
            });
        }

        await db.SaveChangesAsync();
    }
}
