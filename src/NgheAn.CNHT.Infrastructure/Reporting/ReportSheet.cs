namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>How a column shows its cells. Money is whole đồng shown in triệu đồng; Plan is money that shows "—" for 0.</summary>
internal enum CellKind
{
    Text,
    Code,
    Count,
    Money,
    Plan,
    Percent,
}

internal enum RowKind
{
    Item,
    Group,
    Total,
}

internal sealed record SheetColumn(string Header, CellKind Kind, double Width);

/// <summary>How Excel recomputes a cell (PDF and HTML show <see cref="SheetCell.Value"/>).</summary>
internal abstract record CellFormula;

/// <summary>numerator ÷ denominator of the same row, "—" when the denominator is 0 (shown as a percentage).</summary>
internal sealed record RatioFormula(int NumeratorColumn, int DenominatorColumn) : CellFormula;

/// <summary>column a − column b of the same row.</summary>
internal sealed record DifferenceFormula(int Column, int Subtract) : CellFormula;

/// <summary>The sum of columns [from, to] of the same row.</summary>
internal sealed record RowSumFormula(int FromColumn, int ToColumn) : CellFormula;

/// <summary>The sum of the same column over the rows listed in <see cref="SheetRow.SumOf"/>.</summary>
internal sealed record ColumnSumFormula : CellFormula
{
    public static ColumnSumFormula Instance { get; } = new();
}

/// <summary>
/// A value as the model holds it: string for text, decimal đồng for money, int for counts, decimal percent
/// (5.34) or null for percentages.
/// </summary>
internal sealed record SheetCell(object? Value, CellFormula? Formula = null);

/// <param name="SumOf">Indexes (in <see cref="ReportSheet.Rows"/>) of the rows a group or total row adds up.</param>
internal sealed record SheetRow(RowKind Kind, IReadOnlyList<SheetCell> Cells, IReadOnlyList<int>? SumOf = null, string? Anchor = null);

/// <summary>
/// One table of a report, neutral of format: the PDF, Excel and HTML writers all render these, so the three
/// can never disagree on which rows and columns a report has. Widths are in points of an A4 page.
/// </summary>
internal sealed record ReportSheet(
    string Name,
    IReadOnlyList<string> Title,
    string? Reference,
    string? Subtitle,
    IReadOnlyList<SheetColumn> Columns,
    IReadOnlyList<SheetRow> Rows,
    bool Landscape = true,
    string Unit = "Đơn vị: triệu đồng",
    IReadOnlyList<string>? Footnotes = null);
