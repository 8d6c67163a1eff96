using System.Globalization;
using Gongkai.Core.Agencies;
using Gongkai.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Shared;

/// <summary>
/// The agency a public page speaks for: the one chosen with <c>?agency=ID</c>, else the top of the tree
/// (one deployment serves an agency tree; the public chooses the agency).
/// </summary>
public sealed class PortalContext(GongkaiDbContext db)
{
    private Agency? _current;
    private bool _loaded;

    public async Task<Agency?> CurrentAgencyAsync(HttpContext context)
    {
        if (_loaded)
        {
            return _current;
        }

        _loaded = true;
        var active = db.Agencies.AsNoTracking().Where(a => a.IsActive);
        if (int.TryParse(context.Request.Query["agency"], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            _current = await active.FirstOrDefaultAsync(a => a.Id == id);
        }

        _current ??= await active.Where(a => a.ParentId == null).OrderBy(a => a.Id).FirstOrDefaultAsync();
        return _current;
    }

    public async Task<List<Agency>> AgenciesUnderAsync(Agency root)
    {
        var all = await db.Agencies.AsNoTracking().Where(a => a.IsActive).ToListAsync();
        var tree = new AgencyTree(all.Select(a => (a.Id, a.ParentId)));
        var ids = tree.Subtree(root.Id);
        return AgencyTree.InTreeOrder(all.Where(a => ids.Contains(a.Id) && a.Id != root.Id));
    }
}
