using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Common;
using static NgheAn.CNHT.UnitTests.Domain.TestData;

namespace NgheAn.CNHT.UnitTests.Domain;

public sealed class CatalogTests
{
    [Fact]
    public void A_draft_program_accepts_groups_and_items_and_locks_on_approval()
    {
        var program = new CnhtProgram("2026-2030", "Chương trình 2026-2030", 2026, 2030, null);
        var group = program.AddGroup("1", "Xúc tiến đầu tư");
        group.AddItem("1.1", "Hội thảo xúc tiến", 500_000_000m);
        program.Activate("Quyết định số 1/QĐ-UBND");
        Assert.True(program.IsCatalogLocked);
        Assert.Throws<DomainException>(() => program.AddGroup("2", "Khác"));
        Assert.Throws<DomainException>(() => group.AddItem("1.2", "Khác"));
    }

    [Fact]
    public void A_program_cannot_lock_with_an_empty_group()
    {
        var program = new CnhtProgram("X", "X", 2026, 2030, null);
        program.AddGroup("1", "Nhóm trống");
        Assert.Throws<DomainException>(() => program.Activate("QĐ"));
    }

    [Fact]
    public void Duplicate_codes_are_refused()
    {
        var program = new CnhtProgram("X", "X", 2026, 2030, null);
        var g = program.AddGroup("1", "A");
        Assert.Throws<DomainException>(() => program.AddGroup("1", "B"));
        g.AddItem("1.1", "A");
        Assert.Throws<DomainException>(() => g.AddItem("1.1", "B"));
    }

    [Fact]
    public void Plan_revision_keeps_old_and_new_with_who_and_when()
    {
        var program = new CnhtProgram("X", "X", 2026, 2030, null);
        var item = program.AddGroup("1", "A").AddItem("1.1", "A", 100m);
        var rev = item.RevisePlan(150m, "5/QĐ-UBND", "Điều chỉnh", Leader, Now);
        Assert.Equal(150m, item.PlanAmount);
        Assert.Equal((100m, 150m, "ld"), (rev.OldAmount, rev.NewAmount, rev.ChangedBy));
        Assert.Throws<DomainException>(() => item.RevisePlan(-1m, null, null, Leader, Now));
    }

    [Fact]
    public void Reordering_swaps_neighbours()
    {
        var program = new CnhtProgram("X", "X", 2026, 2030, null);
        var a = program.AddGroup("1", "A");
        var b = program.AddGroup("2", "B");
        program.MoveGroup(b, -1);
        Assert.True(b.SortOrder < a.SortOrder);
    }
}
