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

        return trimmed.Normalize(System.Text.NormalizationForm.FormC);
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

        return trimmed.Normalize(System.Text.NormalizationForm.FormC);
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
