using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Organizations;

/// <summary>
/// Vietnamese tax code (mã số thuế): 10 digits, or 13 for a branch written 0123456789-001.
/// The tenth digit is a check digit over the first nine (weights 31, 29, 23, 19, 17, 13, 7, 5, 3,
/// check = 10 − sum mod 11), as the General Department of Taxation issues them.
/// </summary>
public static class TaxCode
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    /// <summary>Returns the code in its canonical form (0123456789 or 0123456789-001) or throws.</summary>
    public static string Normalize(string input, string? field = "TaxCode")
    {
        var digits = new string((input ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '.').ToArray());
        if (digits.Length is not (10 or 13) || !digits.All(char.IsAsciiDigit))
        {
            throw new DomainException("Mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số cho đơn vị phụ thuộc (dạng 0123456789-001).", field);
        }

        if (digits[2..9] == "0000000" || (digits.Length == 13 && digits[10..] == "000"))
        {
            throw new DomainException("Mã số thuế không hợp lệ.", field);
        }

        if (digits[9] != CheckDigit(digits))
        {
            throw new DomainException($"Mã số thuế {input} sai chữ số kiểm tra; vui lòng kiểm tra lại.", field);
        }

        return digits.Length == 10 ? digits : $"{digits[..10]}-{digits[10..]}";
    }

    public static bool IsValid(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        try
        {
            Normalize(input);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    /// <summary>The check digit for the first nine digits; '?' when no digit can be valid.</summary>
    public static char CheckDigit(string firstNine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += Weights[i] * (firstNine[i] - '0');
        }

        var check = 10 - (sum % 11);
        return check == 10 ? '?' : (char)('0' + check);
    }
}
