using System.IO.Compression;
using System.Text;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.Proposals;

public enum DossierFileKind
{
    Pdf,
    Docx,
    Xlsx,
    Jpeg,
    Png,
}

/// <summary>A file that passed inspection: its kind (from its bytes), the content type to serve and a safe name.</summary>
public sealed record InspectedFile(DossierFileKind Kind, string ContentType, string FileName);

/// <summary>
/// Decides what a file is from its bytes, not its name: PDF (%PDF-), PNG (its 8-byte signature),
/// JPEG (FF D8 FF), and DOCX/XLSX as ZIP packages whose [Content_Types].xml sits beside word/ or xl/.
/// The name's extension must agree with the content, so an .exe renamed .pdf is refused.
/// </summary>
public static class FileInspector
{
    public const string Accepted = "PDF, DOCX, XLSX, JPG, PNG";

    private static readonly Dictionary<string, DossierFileKind> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = DossierFileKind.Pdf,
        [".docx"] = DossierFileKind.Docx,
        [".xlsx"] = DossierFileKind.Xlsx,
        [".jpg"] = DossierFileKind.Jpeg,
        [".jpeg"] = DossierFileKind.Jpeg,
        [".png"] = DossierFileKind.Png,
    };

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string ContentType(DossierFileKind kind) => kind switch
    {
        DossierFileKind.Pdf => "application/pdf",
        DossierFileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DossierFileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        DossierFileKind.Jpeg => "image/jpeg",
        DossierFileKind.Png => "image/png",
        _ => "application/octet-stream",
    };

    private static string Name(DossierFileKind kind) => kind switch
    {
        DossierFileKind.Jpeg => "JPG",
        _ => kind.ToString().ToUpperInvariant(),
    };

    /// <summary>Checks name and content; throws a readable refusal on the field <c>File</c>.</summary>
    public static InspectedFile Inspect(string? fileName, byte[] data)
    {
        const string field = "File";
        if (data.Length == 0)
        {
            throw new DomainException("Tệp rỗng; vui lòng chọn tệp có nội dung.", field);
        }

        var safeName = SafeFileName(fileName);
        var extension = Path.GetExtension(safeName);
        if (!Extensions.TryGetValue(extension, out var claimed))
        {
            throw new DomainException($"Chỉ nhận tệp {Accepted}; tệp \"{safeName}\" không thuộc các loại này.", field);
        }

        var actual = Detect(data)
            ?? throw new DomainException($"Nội dung tệp \"{safeName}\" không phải là {Name(claimed)} (có thể là tệp loại khác bị đổi tên). Chỉ nhận tệp {Accepted}.", field);
        if (actual != claimed)
        {
            throw new DomainException($"Tệp \"{safeName}\" có đuôi {extension.ToLowerInvariant()} nhưng nội dung là {Name(actual)}; vui lòng đặt đúng tên tệp.", field);
        }

        if (actual is DossierFileKind.Docx or DossierFileKind.Xlsx && HasMacros(data))
        {
            throw new DomainException($"Tệp \"{safeName}\" chứa macro; không nhận tệp có macro.", field);
        }

        return new InspectedFile(actual, ContentType(actual), safeName);
    }

    /// <summary>The kind the bytes show, or null for anything else.</summary>
    public static DossierFileKind? Detect(byte[] data)
    {
        if (StartsWith(data, "%PDF-"u8))
        {
            return DossierFileKind.Pdf;
        }

        if (StartsWith(data, PngSignature))
        {
            return DossierFileKind.Png;
        }

        if (StartsWith(data, [0xFF, 0xD8, 0xFF]))
        {
            return DossierFileKind.Jpeg;
        }

        if (StartsWith(data, [0x50, 0x4B, 0x03, 0x04]))
        {
            return OfficeKind(data);
        }

        return null;
    }

    private static bool StartsWith(byte[] data, ReadOnlySpan<byte> prefix) => data.AsSpan().StartsWith(prefix);

    /// <summary>Reads only the ZIP directory (entry names), never inflates an entry.</summary>
    private static DossierFileKind? OfficeKind(byte[] data)
    {
        var names = EntryNames(data);
        if (names is null || !names.Contains("[Content_Types].xml"))
        {
            return null;
        }

        if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)))
        {
            return DossierFileKind.Docx;
        }

        if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)))
        {
            return DossierFileKind.Xlsx;
        }

        return null;
    }

    private static bool HasMacros(byte[] data) =>
        EntryNames(data)?.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)) == true;

    private static HashSet<string>? EntryNames(byte[] data)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(data, writable: false), ZipArchiveMode.Read);
            return zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// The name without any path, control or reserved characters, in NFC, at most 255 characters with its
    /// extension kept; Vietnamese letters stay.
    /// </summary>
    public static string SafeFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsControl(c) || c is '"' or '<' or '>' or ':' or '|' or '?' or '*' or ';' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                sb.Append('_');
            }
            else
            {
                sb.Append(c);
            }
        }

        // Trailing dots and spaces are dropped (Windows would drop them and change the extension).
        var safe = sb.ToString().Trim().TrimEnd('.', ' ');
        var extension = Path.GetExtension(safe);
        var stem = Path.GetFileNameWithoutExtension(safe).Trim();
        if (stem.Length == 0)
        {
            stem = "tep-dinh-kem";
        }

        if (stem.Length + extension.Length > 255)
        {
            stem = stem[..(255 - Math.Min(extension.Length, 20))];
            extension = extension.Length > 20 ? "" : extension;
        }

        return stem + extension;
    }
}
