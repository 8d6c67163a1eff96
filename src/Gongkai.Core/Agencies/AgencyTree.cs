namespace Gongkai.Core.Agencies;

/// <summary>The agency tree as parent links: answers who is under whom, and whether a move would make a cycle.</summary>
public sealed class AgencyTree
{
    private readonly Dictionary<int, int?> _parents;
    private readonly ILookup<int, int> _children;

    public AgencyTree(IEnumerable<(int Id, int? ParentId)> links)
    {
        _parents = links.ToDictionary(l => l.Id, l => l.ParentId);
        _children = _parents.Where(p => p.Value is not null).ToLookup(p => p.Value!.Value, p => p.Key);
    }

    public bool Contains(int id) => _parents.ContainsKey(id);

    /// <summary>
    /// Agencies as a reader expects them in a list: each under its parent, a government before its departments and
    /// townships (by <see cref="AgencyLevel"/>, then by id). Agencies whose parent is not in the list start a branch.
    /// </summary>
    public static List<Agency> InTreeOrder(IEnumerable<Agency> agencies)
    {
        var list = agencies.ToList();
        var ids = list.Select(a => a.Id).ToHashSet();
        var children = list.Where(a => a.ParentId is { } p && ids.Contains(p)).ToLookup(a => a.ParentId!.Value);
        var result = new List<Agency>(list.Count);
        void Visit(Agency agency)
        {
            result.Add(agency);
            foreach (var child in children[agency.Id].OrderBy(a => a.Level).ThenBy(a => a.Id))
            {
                Visit(child);
            }
        }

        foreach (var top in list.Where(a => a.ParentId is not { } p || !ids.Contains(p)).OrderBy(a => a.Level).ThenBy(a => a.Id))
        {
            Visit(top);
        }

        return result;
    }

    public IReadOnlyList<int> Roots => _parents.Where(p => p.Value is null).Select(p => p.Key).Order().ToList();

    public IEnumerable<int> ChildrenOf(int id) => _children[id];

    /// <summary>The agency and everything under it.</summary>
    public IReadOnlySet<int> Subtree(int id)
    {
        var result = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(id);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!result.Add(current))
            {
                continue;
            }

            foreach (var child in _children[current])
            {
                stack.Push(child);
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="id"/> is <paramref name="ancestor"/> or lies under it.</summary>
    public bool IsWithin(int id, int ancestor)
    {
        int? current = id;
        var guard = 0;
        while (current is { } c && guard++ <= _parents.Count)
        {
            if (c == ancestor)
            {
                return true;
            }

            current = _parents.GetValueOrDefault(c);
        }

        return false;
    }

    /// <summary>Ids from the root down to the agency.</summary>
    public IReadOnlyList<int> PathTo(int id)
    {
        var path = new List<int>();
        int? current = id;
        while (current is { } c && path.Count <= _parents.Count)
        {
            path.Add(c);
            current = _parents.GetValueOrDefault(c);
        }

        path.Reverse();
        return path;
    }

    public int Depth(int id) => PathTo(id).Count - 1;

    /// <summary>Null when <paramref name="id"/> may be placed under <paramref name="newParent"/>; otherwise why not, in Chinese.</summary>
    public string? CheckMove(int id, int? newParent)
    {
        if (newParent is null)
        {
            return null;
        }

        if (!Contains(newParent.Value))
        {
            return "所选上级机关不存在。";
        }

        if (newParent.Value == id)
        {
            return "机关不能作为自己的上级。";
        }

        return IsWithin(newParent.Value, id) ? "不能把机关移到它自己的下级机关之下：那样会形成循环。" : null;
    }
}
