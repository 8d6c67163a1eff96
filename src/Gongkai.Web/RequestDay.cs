using Gongkai.Infrastructure.Requests;

namespace Gongkai.Web;

/// <summary>
/// "Today" in China time, read from the clock once per web request: every page, handler and deadline in one request
/// agrees on the day, even across midnight.
/// </summary>
public sealed class RequestDay(TimeProvider clock)
{
    private DateOnly? _today;

    public DateOnly Today => _today ??= ChinaDate.Today(clock);
}
