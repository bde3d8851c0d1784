using ClosedXML.Excel;
using NgheAn.CNHT.Application.Common;

namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>Writes text into a workbook cell so that it stays text: never a number, a date or a formula (ADR 0111).</summary>
internal static class InertCell
{
    public static void SetText(IXLCell cell, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        if (SpreadsheetText.LooksLikeFormula(text))
        {
            // The quote prefix ('=…) keeps the cell text even when someone edits it in Excel or LibreOffice.
            cell.Style.IncludeQuotePrefix = true;
        }
    }
}
