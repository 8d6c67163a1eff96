namespace Gongkai.Core.Requests;

public enum FeeBasis
{
    ByCount,
    ByPages,
}
