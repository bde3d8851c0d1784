using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Geography;

/// <summary>The two kinds of commune-level unit Nghệ An has under the two-tier map in force since 1 July 2025.</summary>
public enum AdministrativeUnitKind
{
    /// <summary>Phường.</summary>
    Ward,
    /// <summary>Xã.</summary>
    Commune,
}

/// <summary>
/// A commune or ward (xã, phường) of the province under the administrative map in force since 1 July 2025, when the
/// district level was abolished. Reference data loaded from the file the repository ships with its source recorded
/// (docs/decisions/0126-administrative-map.md); the official code of the National Statistics Office is the key.
/// </summary>
public sealed class AdministrativeUnit
{
    public const int CodeLength = 5;
    public const int NameLength = 100;

    private AdministrativeUnit() { }

    public AdministrativeUnit(string code, string name, AdministrativeUnitKind kind, string slug, string provinceCode, DateOnly effectiveFrom)
    {
        if (!IsWellFormedCode(code))
        {
            throw new DomainException($"Mã đơn vị hành chính \"{code}\" phải gồm {CodeLength} chữ số.", nameof(Code));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Loại đơn vị hành chính không hợp lệ.", nameof(Kind));
        }

        Code = code;
        ProvinceCode = Guard.Required(provinceCode, "Mã tỉnh", 2, nameof(ProvinceCode));
        EffectiveFrom = effectiveFrom;
        Describe(name, kind, slug);
    }

    /// <summary>Official five-digit code (mã đơn vị hành chính cấp xã), e.g. "16681" for Phường Thành Vinh.</summary>
    public string Code { get; private set; } = "";
    /// <summary>Full name with its kind, as written officially: "Phường Thành Vinh", "Xã Quỳnh Lưu".</summary>
    public string Name { get; private set; } = "";
    public AdministrativeUnitKind Kind { get; private set; }
    /// <summary>The name without diacritics, lower case, for URLs and filters: "phuong_thanh_vinh".</summary>
    public string Slug { get; private set; } = "";
    /// <summary>Official code of the province ("40" for Nghệ An).</summary>
    public string ProvinceCode { get; private set; } = "";
    /// <summary>The day the map this unit belongs to came into force (2025-07-01).</summary>
    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>A newer edition of the reference file may rename a unit; its code stays.</summary>
    public void Describe(string name, AdministrativeUnitKind kind, string slug)
    {
        Name = Guard.Required(name, "Tên đơn vị hành chính", NameLength, nameof(Name));
        Kind = kind;
        Slug = Guard.Required(slug, "Tên không dấu", NameLength, nameof(Slug));
    }

    public static bool IsWellFormedCode(string? code) => code is { Length: CodeLength } && code.All(char.IsAsciiDigit);

    public static string KindDisplayName(AdministrativeUnitKind kind) => kind switch
    {
        AdministrativeUnitKind.Ward => "Phường",
        AdministrativeUnitKind.Commune => "Xã",
        _ => kind.ToString(),
    };
}
