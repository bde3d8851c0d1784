namespace NgheAn.CNHT.Domain.Common;

/// <summary>The one guard style of the domain: every check throws a readable <see cref="DomainException"/>.</summary>
public static class Guard
{
    /// <summary>Largest amount the portal accepts: one million billion đồng (10^15).</summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    public static string Required(string? value, string label, int maxLength, string? field = null)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException($"{label} không được để trống.", field);
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{label} dài tối đa {maxLength} ký tự.", field);
        }

        RefuseControlCharacters(trimmed, label, field);
        return Nfc.Of(trimmed);
    }

    public static string? Optional(string? value, string label, int maxLength, string? field = null)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{label} dài tối đa {maxLength} ký tự.", field);
        }

        RefuseControlCharacters(trimmed, label, field);
        return Nfc.Of(trimmed);
    }

    /// <summary>
    /// Control characters (U+0000–U+001F, U+007F–U+009F) have no place in a name, a title or a note: they come from
    /// pasting out of other software, break reports and CSV files, and can smuggle formulas or fake line breaks into
    /// logs. Line breaks and tabs inside multi-line text are kept.
    /// </summary>
    public static void RefuseControlCharacters(string value, string label, string? field = null)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            {
                throw new DomainException(
                    $"{label} chứa ký tự điều khiển không in được (mã U+{(int)c:X4}), thường do dán từ phần mềm khác. Vui lòng xóa ký tự đó rồi nhập lại.", field);
            }
        }
    }

    /// <summary>An amount in whole đồng: not negative, no fraction, at most <see cref="MaxAmount"/>.</summary>
    public static decimal Amount(decimal value, string label, string? field = null)
    {
        if (value < 0)
        {
            throw new DomainException($"{label} không được âm.", field);
        }

        if (value != decimal.Truncate(value))
        {
            throw new DomainException($"{label} phải là số đồng nguyên (không có phần lẻ).", field);
        }

        if (value > MaxAmount)
        {
            throw new DomainException($"{label} vượt quá giới hạn cho phép (10^15 đồng).", field);
        }

        return value;
    }

    public static decimal PositiveAmount(decimal value, string label, string? field = null)
    {
        Amount(value, label, field);
        if (value == 0)
        {
            throw new DomainException($"{label} phải lớn hơn 0.", field);
        }

        return value;
    }
}
