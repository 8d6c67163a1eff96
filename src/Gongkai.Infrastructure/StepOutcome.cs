namespace Gongkai.Infrastructure;

/// <summary>What a store says of one change: it was made, or why not (field → Chinese message) with nothing written.</summary>
public interface IStepOutcome
{
    bool Succeeded { get; }

    IReadOnlyDictionary<string, string> Errors { get; }
}
