namespace Gongkai.Core.Requests;

/// <summary>The two standards of 国办函〔2020〕109号 第三条; an agency picks one per request, never both.</summary>
public enum FeeBasis
{
    /// <summary>按件计收 (第四条).</summary>
    ByCount,

    /// <summary>按量计收 (第五条).</summary>
    ByPages,
}
