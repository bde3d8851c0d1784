using System.Buffers.Binary;
using System.IO.Compression;

namespace NgheAn.CNHT.Infrastructure.Suppliers;

/// <summary>
/// A small, obviously fictitious logo for a demo enterprise, drawn in code as a PNG (ADR 0207): a gear in the sector's
/// colour over a band that reads "MẪU" (sample). No file, font or drawing library is needed; the bytes are a plain
/// 8-bit RGB PNG (signature, IHDR, one zlib IDAT, IEND, each chunk with its CRC-32) that every browser decodes.
/// </summary>
internal static class DemoLogo
{
    public const int Size = 128;
    private const int BandTop = 100;

    /// <summary>The sector's colour (a dark shade, white text on it keeps a 4.5:1 contrast).</summary>
    private static readonly Dictionary<string, (byte R, byte G, byte B)> Colours = new(StringComparer.Ordinal)
    {
        ["co-khi"] = (0x1F, 0x4E, 0x79),
        ["dien-tu"] = (0x6A, 0x1B, 0x9A),
        ["det-may"] = (0xAD, 0x14, 0x57),
        ["da-giay"] = (0x6D, 0x4C, 0x41),
        ["nhua-cao-su"] = (0x00, 0x69, 0x5C),
        ["o-to"] = (0xB7, 0x1C, 0x1C),
        ["nang-luong"] = (0x8D, 0x5A, 0x00),
        ["cong-nghe-cao"] = (0x28, 0x35, 0x93),
    };

    /// <summary>"MẪU" in a 5-pixel-wide font: 11 rows each, the top four for the marks of Ẫ.</summary>
    private static readonly string[][] Glyphs =
    [
        [".....", ".....", ".....", ".....", "X...X", "XX.XX", "X.X.X", "X.X.X", "X...X", "X...X", "X...X"],
        [".XX.X", "X..X.", "..X..", ".X.X.", ".XXX.", "X...X", "X...X", "XXXXX", "X...X", "X...X", "X...X"],
        [".....", ".....", ".....", ".....", "X...X", "X...X", "X...X", "X...X", "X...X", "X...X", ".XXX."],
    ];

    public static byte[] For(string sectorCode, int index)
    {
        var colour = Colours.TryGetValue(sectorCode, out var known) ? known : ((byte)0x33, (byte)0x33, (byte)0x33);
        var teeth = 6 + 2 * (index % 4);
        return Encode(Size, Size, (x, y) =>
        {
            if (y >= BandTop)
            {
                return InText(x, y) ? ((byte)0xFF, (byte)0xFF, (byte)0xFF) : colour;
            }

            // The gear: a disc with teeth around it and a hole in the middle.
            double dx = x - Size / 2 + 0.5, dy = y - 50 + 0.5;
            var distance = Math.Sqrt(dx * dx + dy * dy);
            var sector = (int)Math.Floor((Math.Atan2(dy, dx) + Math.PI) / (Math.PI / teeth));
            var solid = distance is >= 13 and < 34 || (distance is >= 34 and < 44 && sector % 2 == 0);
            return solid ? colour : ((byte)0xF7, (byte)0xF7, (byte)0xF2);
        });
    }

    private static bool InText(int x, int y)
    {
        const int scale = 2, glyphWidth = 5 * scale, gap = 2 * scale;
        var width = Glyphs.Length * glyphWidth + (Glyphs.Length - 1) * gap;
        var left = (Size - width) / 2;
        var top = BandTop + (Size - BandTop - 11 * scale) / 2;
        var column = x - left;
        var row = (y - top) / scale;
        if (column < 0 || column >= width || y < top || row >= 11)
        {
            return false;
        }

        var glyph = column / (glyphWidth + gap);
        var within = column % (glyphWidth + gap);
        return within < glyphWidth && Glyphs[glyph][row][within / scale] == 'X';
    }

    /// <summary>An 8-bit RGB PNG of the pixels (filter "none" on every row).</summary>
    public static byte[] Encode(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        var raw = new byte[height * (1 + 3 * width)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + 3 * width);
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                raw[row + 1 + 3 * x] = r;
                raw[row + 2 + 3 * x] = g;
                raw[row + 3 + 3 * x] = b;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        png.Write(four);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc32(typed));
        png.Write(four);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, as in the PNG specification's sample code).</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }
}
