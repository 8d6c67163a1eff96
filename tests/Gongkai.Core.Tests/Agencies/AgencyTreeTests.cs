using Gongkai.Core.Agencies;

namespace Gongkai.Core.Tests.Agencies;

public sealed class AgencyTreeTests
{
    // 1 区政府
    // ├── 2 区政府办公室
    // │   └── 5 区大数据中心
    // └── 3 区教育局
    //     └── 6 区教育考试院
    //         └── 7 考务科
    // 4 另一区政府
    private static AgencyTree District() => new([(1, null), (2, 1), (3, 1), (4, null), (5, 2), (6, 3), (7, 6)]);

    [Fact]
    public void Roots_and_children_follow_the_parent_links()
    {
        var tree = District();

        Assert.Equal([1, 4], tree.Roots);
        Assert.Equal([2, 3], tree.ChildrenOf(1).Order());
        Assert.Empty(tree.ChildrenOf(7));
        Assert.True(tree.Contains(7));
        Assert.False(tree.Contains(99));
    }

    [Fact]
    public void The_subtree_of_an_agency_holds_it_and_everything_under_it()
    {
        var tree = District();

        Assert.Equal([1, 2, 3, 5, 6, 7], tree.Subtree(1).Order());
        Assert.Equal([3, 6, 7], tree.Subtree(3).Order());
        Assert.Equal([7], tree.Subtree(7));
        Assert.Equal([4], tree.Subtree(4));
    }

    [Theory]
    [InlineData(7, 1, true)]
    [InlineData(7, 3, true)]
    [InlineData(3, 3, true)]
    [InlineData(5, 3, false)]
    [InlineData(1, 7, false)]
    [InlineData(7, 4, false)]
    [InlineData(99, 1, false)]
    public void An_agency_is_within_itself_and_its_ancestors_only(int id, int ancestor, bool within)
    {
        Assert.Equal(within, District().IsWithin(id, ancestor));
    }

    [Fact]
    public void The_path_runs_from_the_root_down_to_the_agency()
    {
        var tree = District();

        Assert.Equal([1, 3, 6, 7], tree.PathTo(7));
        Assert.Equal([1, 2, 5], tree.PathTo(5));
        Assert.Equal([4], tree.PathTo(4));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 0)]
    [InlineData(2, 1)]
    [InlineData(6, 2)]
    [InlineData(7, 3)]
    public void Depth_counts_the_levels_below_the_root(int id, int depth)
    {
        Assert.Equal(depth, District().Depth(id));
    }

    [Fact]
    public void An_agency_cannot_be_its_own_parent()
    {
        Assert.Equal("机关不能作为自己的上级。", District().CheckMove(3, 3));
    }

    [Theory]
    [InlineData(3, 6)]
    [InlineData(3, 7)]
    [InlineData(1, 5)]
    public void An_agency_cannot_move_under_its_own_descendant(int id, int newParent)
    {
        Assert.Equal("不能把机关移到它自己的下级机关之下：那样会形成循环。", District().CheckMove(id, newParent));
    }

    [Fact]
    public void An_agency_cannot_move_under_an_unknown_parent()
    {
        Assert.Equal("所选上级机关不存在。", District().CheckMove(3, 99));
    }

    [Theory]
    [InlineData(3, 2)] // 教育局 under 办公室: a sibling's branch
    [InlineData(7, 3)] // 考务科 up one level
    [InlineData(3, 4)] // to another government
    [InlineData(1, 4)] // a whole government under another
    [InlineData(6, 3)] // onto the parent it already has
    public void A_move_that_keeps_the_tree_a_tree_is_allowed(int id, int newParent)
    {
        Assert.Null(District().CheckMove(id, newParent));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public void An_agency_may_always_become_a_root(int id)
    {
        Assert.Null(District().CheckMove(id, null));
    }

    [Fact]
    public void An_allowed_move_gives_the_tree_the_agency_expects()
    {
        var tree = District();
        Assert.Null(tree.CheckMove(3, 2));

        var moved = new AgencyTree([(1, null), (2, 1), (3, 2), (4, null), (5, 2), (6, 3), (7, 6)]);

        Assert.Equal([1, 2, 3, 6, 7], moved.PathTo(7));
        Assert.Equal([2, 3, 5, 6, 7], moved.Subtree(2).Order());
        Assert.Equal(4, moved.Depth(7));
    }

    [Fact]
    public void Links_that_already_form_a_cycle_do_not_hang_the_queries()
    {
        // Bad data (10 ↔ 11) must not loop forever; answers stay bounded.
        var tree = new AgencyTree([(10, 11), (11, 10), (12, null)]);

        Assert.False(tree.IsWithin(10, 12));
        Assert.True(tree.PathTo(10).Count <= 4);
        Assert.Equal([10, 11], tree.Subtree(10).Order());
        Assert.Equal([12], tree.Roots);
    }

    [Fact]
    public void Lists_show_each_agency_under_its_parent_a_government_before_its_departments()
    {
        static Agency A(int id, string name, AgencyLevel level, int? parent) => new() { Id = id, FullName = name, ShortName = name, CreditCode = "", Level = level, ParentId = parent };
        var agencies = new[]
        {
            A(3, "区教育局", AgencyLevel.Department, 1), A(5, "城东街道", AgencyLevel.Township, 1), A(2, "区政府办公室", AgencyLevel.Department, 1),
            A(1, "区政府", AgencyLevel.Government, null), A(6, "教育局所属学校", AgencyLevel.Department, 3),
        };

        Assert.Equal(["区政府", "区政府办公室", "区教育局", "教育局所属学校", "城东街道"], AgencyTree.InTreeOrder(agencies).Select(a => a.FullName));
        // A list without the parent: its children start their own branches.
        Assert.Equal(["区政府办公室", "区教育局", "教育局所属学校"], AgencyTree.InTreeOrder(agencies.Where(a => a.Id is 2 or 3 or 6)).Select(a => a.FullName));
    }
}
