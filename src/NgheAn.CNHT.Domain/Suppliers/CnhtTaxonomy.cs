namespace NgheAn.CNHT.Domain.Suppliers;

/// <summary>One entry of a reference list, named in Vietnamese and English.</summary>
public sealed record TaxonomyEntry(string Code, string NameVi, string NameEn)
{
    public string Name(bool english) => english ? NameEn : NameVi;
}

/// <summary>Workforce size bands of a supplier (số lao động), for the directory's size facet.</summary>
public enum WorkforceSize
{
    Under10,
    From10To99,
    From100To199,
    From200To999,
    From1000,
}

/// <summary>
/// The reference lists of the directory (docs/decisions/0181-supplier-directory.md): the province's priority
/// CNHT sectors, manufacturing processes, certifications and the industrial parks / economic zones. Codes are
/// stored on the profile; names are shown in the visitor's language. A list is data the reader can scan here.
/// </summary>
public static class CnhtTaxonomy
{
    public static IReadOnlyList<TaxonomyEntry> Sectors { get; } =
    [
        new("co-khi", "Linh kiện cơ khí", "Mechanical components"),
        new("dien-tu", "Linh kiện điện – điện tử", "Electrical and electronic components"),
        new("det-may", "Dệt may", "Textiles and garments"),
        new("da-giay", "Da giày", "Leather and footwear"),
        new("nhua-cao-su", "Nhựa – cao su", "Plastics and rubber"),
        new("o-to", "Ô tô", "Automotive"),
        new("nang-luong", "Năng lượng", "Energy"),
        new("cong-nghe-cao", "Công nghệ cao", "High technology"),
    ];

    public static IReadOnlyList<TaxonomyEntry> Processes { get; } =
    [
        new("duc", "Đúc", "Casting"),
        new("dap", "Dập", "Stamping"),
        new("cnc", "Gia công CNC", "CNC machining"),
        new("ep-nhua", "Ép nhựa", "Plastic injection moulding"),
        new("ma", "Mạ", "Plating"),
        new("son-tinh-dien", "Sơn tĩnh điện", "Powder coating"),
        new("han", "Hàn", "Welding"),
        new("lap-rap", "Lắp ráp", "Assembly"),
        new("cat-may", "Cắt may", "Cutting and sewing"),
        new("det-nhuom", "Dệt, nhuộm", "Weaving and dyeing"),
        new("luu-hoa", "Lưu hóa cao su", "Rubber vulcanising"),
        new("smt", "Gắn linh kiện SMT", "SMT assembly"),
    ];

    public static IReadOnlyList<TaxonomyEntry> Certifications { get; } =
    [
        new("iso-9001", "ISO 9001", "ISO 9001"),
        new("iso-14001", "ISO 14001", "ISO 14001"),
        new("iatf-16949", "IATF 16949", "IATF 16949"),
        new("iso-45001", "ISO 45001", "ISO 45001"),
        new("iso-50001", "ISO 50001", "ISO 50001"),
        new("iso-13485", "ISO 13485", "ISO 13485"),
    ];

    /// <summary>Industrial parks and economic zones of the province (reference data; "ngoai" = outside any park).</summary>
    public static IReadOnlyList<TaxonomyEntry> Zones { get; } =
    [
        new("kkt-dong-nam", "KKT Đông Nam", "Southeast Economic Zone"),
        new("vsip", "VSIP Nghệ An", "VSIP Nghe An"),
        new("kcn-hoang-mai", "KCN Hoàng Mai", "Hoang Mai Industrial Park"),
        new("kcn-bac-vinh", "KCN Bắc Vinh", "Bac Vinh Industrial Park"),
        new("wha", "KCN WHA Industrial Zone 1 Nghệ An", "WHA Industrial Zone 1 Nghe An"),
        new("kcn-tho-loc", "KCN Thọ Lộc", "Tho Loc Industrial Park"),
        new("ngoai", "Ngoài khu công nghiệp", "Outside industrial parks"),
    ];

    public static IReadOnlyList<(WorkforceSize Size, string NameVi, string NameEn)> Sizes { get; } =
    [
        (WorkforceSize.Under10, "Dưới 10 lao động", "Under 10 employees"),
        (WorkforceSize.From10To99, "10 – 99 lao động", "10 – 99 employees"),
        (WorkforceSize.From100To199, "100 – 199 lao động", "100 – 199 employees"),
        (WorkforceSize.From200To999, "200 – 999 lao động", "200 – 999 employees"),
        (WorkforceSize.From1000, "Từ 1.000 lao động", "1,000 employees or more"),
    ];

    public static string SizeName(WorkforceSize size, bool english)
    {
        var s = Sizes.First(x => x.Size == size);
        return english ? s.NameEn : s.NameVi;
    }

    public static TaxonomyEntry? Sector(string code) => Sectors.FirstOrDefault(e => e.Code == code);
    public static TaxonomyEntry? Process(string code) => Processes.FirstOrDefault(e => e.Code == code);
    public static TaxonomyEntry? Certification(string code) => Certifications.FirstOrDefault(e => e.Code == code);
    public static TaxonomyEntry? Zone(string code) => Zones.FirstOrDefault(e => e.Code == code);

    /// <summary>Codes as one delimited column (";co-khi;o-to;") so a facet is one indexed LIKE.</summary>
    public static string Join(IEnumerable<string> codes)
    {
        var list = codes.Distinct().OrderBy(c => c, StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "" : ";" + string.Join(';', list) + ";";
    }

    public static IReadOnlyList<string> Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(';', StringSplitOptions.RemoveEmptyEntries);

    public static string Names(IReadOnlyList<TaxonomyEntry> list, string? joined, bool english) =>
        string.Join(", ", Split(joined).Select(c => list.FirstOrDefault(e => e.Code == c)?.Name(english) ?? c));
}
