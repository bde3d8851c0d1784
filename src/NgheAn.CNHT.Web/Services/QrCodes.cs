using QRCoder;

namespace NgheAn.CNHT.Web.Services;

/// <summary>QR codes drawn on the server with QRCoder, as inline SVG: no script to ship, nothing for the CSP to allow.</summary>
public static class QrCodes
{
    /// <summary>Error correction level M (15 %), as authenticator apps expect; four pixels per module with the quiet zone.</summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
