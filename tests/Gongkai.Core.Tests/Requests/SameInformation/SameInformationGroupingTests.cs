using Gongkai.Core.Requests.SameInformation;

namespace Gongkai.Core.Tests.Requests.SameInformation;

public sealed class SameInformationGroupingTests
{
    private static long nextId;

    private static SameInformationText Ask(string applicant, string title, string? number = null, int agency = 2, string? description = null, int day = 1) =>
        new(Interlocked.Increment(ref nextId), agency, title, number, description, new DateOnly(2024, 3, day), applicant);

    // Other requests of the same agency, so that the agency's word frequencies look like an agency's.
    private static IEnumerable<SameInformationText> Background(int agency = 2) =>
        new[] { "新民村", "红星村", "杨柳村", "石门村", "桃源村", "长岭村" }.Select((v, i) => Ask($"bg{i}", $"{v}2023年集体土地征收补偿安置方案", agency: agency));

    [Fact]
    public void Two_applicants_asking_for_the_same_document_number_form_a_group()
    {
        var a = Ask("甲", "申请公开区政府房屋征收决定", "临政征决〔2024〕12号");
        var b = Ask("乙", "城东片区棚户区改造项目征收决定书全文（临政征决[2024]12号）");

        var group = Assert.Single(SameInformationGrouping.Find([a, b, .. Background()]));

        Assert.Equal([a.RequestId, b.RequestId], group.RequestIds);
        Assert.Equal(2, group.ApplicantCount);
        Assert.Equal(1, group.Similarity.ByDocumentNumber);
    }

    [Fact]
    public void The_same_applicant_asking_twice_is_not_a_group()
    {
        var requests = new[]
        {
            Ask("甲", "东湖村2024年集体土地征收补偿安置方案", day: 1),
            Ask("甲", "申请公开东湖村2024年集体土地征收补偿安置方案", day: 9),
        };

        Assert.Empty(SameInformationGrouping.Find([.. requests, .. Background()]));
    }

    [Theory]
    [InlineData("东湖村2024年集体土地征收补偿安置方案", null, 2, "东湖村2024年集体土地征收补偿安置方案", null, 3)] // agencies never mix
    [InlineData("区教育局2023年部门预算", null, 4, "区教育局2024年部门预算", null, 4)] // different years
    [InlineData("区教育局2023年部门预算", null, 4, "区教育局2023年部门决算", null, 4)] // 预算 against 决算
    [InlineData("东湖村2024年集体土地征收补偿安置方案", null, 2, "西湖村2024年集体土地征收补偿安置方案", null, 2)] // two villages
    [InlineData("行政处罚决定书", "临市监罚〔2023〕15号", 7, "行政处罚决定书", "临市监罚〔2023〕16号", 7)] // different 文号
    public void Two_requests_for_different_information_do_not_group(string title, string? number, int agency, string otherTitle, string? otherNumber, int otherAgency)
    {
        var requests = new[] { Ask("甲", title, number, agency), Ask("乙", otherTitle, otherNumber, otherAgency) };

        Assert.Empty(SameInformationGrouping.Find(requests));
    }

    [Fact]
    public void Different_wordings_of_one_need_group_and_the_representative_is_one_of_them()
    {
        var requests = new[]
        {
            Ask("甲", "申请公开东湖村2024年集体土地征收补偿安置方案", day: 1),
            Ask("乙", "请提供东湖村二〇二四年土地征收补偿安置方案的政府信息", day: 2),
            Ask("丙", "关于东湖村２０２４年度集体土地征收的补偿安置方案（复印件）", day: 3),
        };

        var group = Assert.Single(SameInformationGrouping.Find([.. requests, .. Background()]));

        Assert.Equal(requests.Select(r => r.RequestId), group.RequestIds);
        Assert.Equal(3, group.ApplicantCount);
        Assert.Contains(group.RepresentativeTitle, requests.Select(r => r.Title));
        Assert.Equal(new DateOnly(2024, 3, 1), group.FirstReceivedOn);
        Assert.Equal(new DateOnly(2024, 3, 3), group.LastReceivedOn);
        Assert.InRange(group.Similarity.Minimum, new SameInformationOptions().Threshold, 1.0);
    }

    [Fact]
    public void Full_width_and_half_width_and_the_forms_of_a_document_number_compare_equal()
    {
        var requests = new[]
        {
            Ask("甲", "临环审〔２０２３〕１８号环评批复", agency: 5),
            Ask("乙", "临环审[2023]18号环评批复", agency: 5),
            Ask("丙", "临环审（2023）第18号 环评批复", agency: 5),
            Ask("丁", "临环审【2023】18号环评批复", agency: 5),
        };

        var group = Assert.Single(SameInformationGrouping.Find(requests));

        Assert.Equal(4, group.RequestIds.Count);
        Assert.Equal(1.0, group.Similarity.Minimum);
    }

    [Fact]
    public void A_chain_of_gradually_different_requests_does_not_become_one_group()
    {
        // Each neighbour shares most words with the next, but the first and the last share almost none.
        var titles = new[]
        {
            "滨江公园提升改造工程施工招标文件",
            "滨江公园提升改造工程施工招标文件及中标结果",
            "滨江公园提升改造工程中标结果及施工合同",
            "提升改造工程中标结果及施工合同和竣工验收报告",
            "施工合同和竣工验收报告及工程结算审计报告",
        };
        var requests = titles.Select((t, i) => Ask($"申请人{i}", t, agency: 3, day: i + 1)).ToArray();

        var groups = SameInformationGrouping.Find(requests, new SameInformationOptions { Threshold = 0.3 });

        Assert.DoesNotContain(groups, g => g.RequestIds.Contains(requests[0].RequestId) && g.RequestIds.Contains(requests[^1].RequestId));
        Assert.All(groups, g => Assert.True(g.RequestIds.Count < titles.Length));
    }

    [Fact]
    public void A_minimum_of_three_applicants_leaves_out_a_pair()
    {
        var requests = new[]
        {
            Ask("甲", "东湖村2024年集体土地征收补偿安置方案"),
            Ask("乙", "申请公开东湖村2024年集体土地征收补偿安置方案"),
        };

        Assert.Single(SameInformationGrouping.Find(requests));
        Assert.Empty(SameInformationGrouping.Find(requests, new SameInformationOptions { MinimumApplicants = 3 }));
    }

    [Fact]
    public void The_same_requests_give_the_same_groups_in_the_same_order_whatever_order_they_come_in()
    {
        var random = new Random(44);
        var villages = new[] { "东湖村", "西湖村", "新民村", "红星村", "杨柳村", "石门村", "桃源村", "长岭村" };
        var requests = Enumerable.Range(0, 400).Select(i =>
        {
            var village = villages[random.Next(villages.Length)];
            var year = random.Next(2020, 2025);
            var title = random.Next(3) switch
            {
                0 => $"申请公开{village}{year}年集体土地征收补偿安置方案",
                1 => $"{village}{year}年度征地补偿安置方案",
                _ => $"{year}年{village}征地勘测定界图",
            };
            return new SameInformationText(i + 1, 1 + random.Next(2), title, null, null, new DateOnly(2024, 1, 1).AddDays(random.Next(200)), $"P{random.Next(150)}");
        }).ToArray();

        var first = SameInformationGrouping.Find(requests);
        var second = SameInformationGrouping.Find(requests.Reverse());

        Assert.NotEmpty(first);
        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(first.Sum(g => g.RequestIds.Count), first.SelectMany(g => g.RequestIds).Distinct().Count());
    }

    [Fact]
    public void Options_that_cannot_work_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SameInformationGrouping.Find([], new SameInformationOptions { MinimumApplicants = 1 }));
        Assert.Throws<ArgumentException>(() => SameInformationGrouping.Find([], new SameInformationOptions { HashCount = 100, BandCount = 32 }));
    }

    private static List<string> Describe(IEnumerable<SameInformationGroup> groups) =>
        [.. groups.Select(g => $"{g.AgencyId}:{string.Join(',', g.RequestIds)}:{g.RepresentativeRequestId}:{g.Similarity}")];
}
