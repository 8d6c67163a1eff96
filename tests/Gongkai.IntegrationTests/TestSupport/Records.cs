using System.Globalization;
using Gongkai.Core.Requests;
using Gongkai.Infrastructure.Requests;

namespace Gongkai.IntegrationTests.TestSupport;

/// <summary>Request rows written straight to the database, for tests about what the ledger and the report count.</summary>
public static class Records
{
    public static RequestRecord Request(int agencyId, string received, string? decided, Outcome? outcome, ApplicantType type = ApplicantType.NaturalPerson) => new()
    {
        AgencyId = agencyId,
        TrackingCode = "REC" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
        ApplicantName = "报告测试",
        IdNumber = "11010519491231002X",
        Phone = "13800138000",
        InformationTitle = "报告测试",
        ApplicantType = type,
        Channel = Channel.InPerson,
        Status = decided is null ? RequestStatus.Processing : RequestStatus.Archived,
        SubmittedOn = DateOnly.Parse(received, CultureInfo.InvariantCulture),
        ReceivedOn = DateOnly.Parse(received, CultureInfo.InvariantCulture),
        DecidedOn = decided is null ? null : DateOnly.Parse(decided, CultureInfo.InvariantCulture),
        Outcome = outcome,
    };
}
