using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Sourcing;

namespace NgheAn.CNHT.UnitTests.Sourcing;

/// <summary>The ranking rules of ADR 0186: sector required, process and certification weighed and explained in Vietnamese.</summary>
public sealed class SupplierMatchTests
{
    [Fact]
    public void A_supplier_meeting_every_criterion_is_explained_in_vietnamese()
    {
        var match = SupplierMatch.Weigh("co-khi", "cnc", "iso-9001", new SupplierFacts(";co-khi;o-to;", ";cnc;han;", ["iso-9001"], false))!;
        Assert.True(match.MeetsAll);
        Assert.Equal(SupplierMatch.SectorWeight + SupplierMatch.ProcessWeight + SupplierMatch.CertificationWeight, match.Score);
        Assert.Equal("Cùng ngành: Linh kiện cơ khí; có quy trình: Gia công CNC; chứng nhận ISO 9001 còn hiệu lực", match.Explanation);
        Assert.Empty(match.Missing);
    }

    [Fact]
    public void Another_sector_is_no_match_and_a_missing_certification_is_named()
    {
        Assert.Null(SupplierMatch.Weigh("co-khi", null, null, new SupplierFacts(";det-may;", ";cnc;", [], true)));
        var partial = SupplierMatch.Weigh("co-khi", "cnc", "iatf-16949", new SupplierFacts(";co-khi;", ";dap;", ["iso-9001"], true))!;
        Assert.False(partial.MeetsAll);
        Assert.Equal(SupplierMatch.SectorWeight + SupplierMatch.VerifiedWeight, partial.Score);
        Assert.Equal("chưa có quy trình: Gia công CNC; chưa có chứng nhận IATF 16949 còn hiệu lực", partial.MissingText);
        Assert.Equal("Cùng ngành: Linh kiện cơ khí; đã được Sở Công Thương xác nhận năng lực", partial.Explanation);
    }

    [Fact]
    public void A_need_reports_every_broken_rule_at_once()
    {
        var today = new DateOnly(2026, 3, 1);
        var ex = Assert.Throws<DomainException>(() => new SourcingNeed("", "khong-co", "khong-co", "khong-co", null, today.AddDays(-1), null).Checked(today));
        Assert.Equal(5, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Message == "Hạn cần hàng không được trước hôm nay.");
    }
}
