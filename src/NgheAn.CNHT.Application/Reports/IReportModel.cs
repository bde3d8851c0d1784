namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// What every report model has in common. Models are immutable records, serialised as the JSON format and
/// frozen as such in issued reports; <see cref="Figures"/> flattens the figures for comparisons
/// (what changed in the live data since a report was issued).
/// </summary>
public interface IReportModel
{
    ReportKind Kind { get; }
    string ProgramCode { get; }
    string ProgramName { get; }
    int FromYear { get; }
    int ToYear { get; }
    DateTime GeneratedAtUtc { get; }

    /// <summary>Every row of figures, keyed stably (item code, proposal code…), in display order.</summary>
    IEnumerable<ReportFigureRow> Figures();
}

/// <summary>One row of a report's figures: amounts in đồng, counts, percentages (null where not applicable).</summary>
public sealed record ReportFigureRow(string Key, string Label, IReadOnlyList<ReportFigure> Values);

public sealed record ReportFigure(string Name, decimal? Value, FigureUnit Unit);

public enum FigureUnit
{
    /// <summary>Whole đồng, shown in triệu đồng.</summary>
    Dong,
    Count,
    Percent,
}
