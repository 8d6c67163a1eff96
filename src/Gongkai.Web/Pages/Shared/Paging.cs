using System.Globalization;

namespace Gongkai.Web.Pages.Shared;

/// <summary>The page number of a paged list, shared by the lists of the portal and the back office.</summary>
public static class Paging
{
    /// <summary>
    /// <c>?page=</c> as asked (1 when absent or not a positive number). Read by hand: for model binding, "page" is the
    /// route value naming the Razor page, so a bound property would always see that instead.
    /// </summary>
    public static int Requested(HttpRequest request) =>
        int.TryParse(request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;

    /// <summary>The page to show of <paramref name="total"/> items: the one asked for, kept within the first and the last.</summary>
    public static int Within(int page, int total, int size) => Math.Clamp(page, 1, Math.Max(1, (total + size - 1) / size));
}
