using System.Reflection;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>
/// PDFsharp on Linux has no system fonts: every face comes from the Liberation Serif files embedded in this
/// assembly (metric-compatible with Times New Roman, SIL OFL 1.1; see Fonts/LICENSE-Liberation-OFL-1.1.txt).
/// Any family name resolves to Liberation Serif, so a document can never fall back to a font without Vietnamese.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string Family = "Liberation Serif";
    private const string ResourcePrefix = "NgheAn.CNHT.Fonts.LiberationSerif-";

    private static readonly Lock Gate = new();
    private static bool _configured;

    /// <summary>Installs the resolver once per process (PDFsharp's settings are global).</summary>
    public static void EnsureConfigured()
    {
        lock (Gate)
        {
            if (_configured)
            {
                return;
            }

            GlobalFontSettings.FontResolver ??= new PdfFonts();
            GlobalFontSettings.DefaultFontEncoding = PdfFontEncoding.Unicode;
            _configured = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "BoldItalic",
            (true, false) => "Bold",
            (false, true) => "Italic",
            _ => "Regular",
        });

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(ResourcePrefix + faceName + ".ttf")
            ?? throw new InvalidOperationException($"Thiếu phông chữ nhúng {faceName}.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
