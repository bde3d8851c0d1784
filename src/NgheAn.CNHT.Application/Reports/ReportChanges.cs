namespace NgheAn.CNHT.Application.Reports;

public enum FigureChangeKind
{
    Changed,
    /// <summary>A row that is in the live figures only (for example a proposal approved since).</summary>
    Added,
    /// <summary>A row that was in the issued report and is gone from the live figures.</summary>
    Removed,
}

public sealed record FigureChange(string Key, string Label, string Figure, FigureUnit Unit, decimal? Issued, decimal? Live, FigureChangeKind Kind);

/// <summary>Compares the frozen figures of an issued report with the same report built from the live data now.</summary>
public static class ReportComparer
{
    public static IReadOnlyList<FigureChange> Compare(IReportModel issued, IReportModel live)
    {
        var before = issued.Figures().ToList();
        var after = live.Figures().ToDictionary(r => r.Key);
        var changes = new List<FigureChange>();
        foreach (var row in before)
        {
            if (!after.Remove(row.Key, out var now))
            {
                changes.AddRange(row.Values.Select(v => new FigureChange(row.Key, row.Label, v.Name, v.Unit, v.Value, null, FigureChangeKind.Removed)));
                continue;
            }

            foreach (var v in row.Values)
            {
                var liveValue = now.Values.FirstOrDefault(x => x.Name == v.Name)?.Value;
                if (liveValue != v.Value)
                {
                    changes.Add(new FigureChange(row.Key, row.Label, v.Name, v.Unit, v.Value, liveValue, FigureChangeKind.Changed));
                }
            }
        }

        foreach (var row in after.Values)
        {
            changes.AddRange(row.Values.Select(v => new FigureChange(row.Key, row.Label, v.Name, v.Unit, null, v.Value, FigureChangeKind.Added)));
        }

        return changes;
    }

    /// <summary>
    /// Rows of a grouped model (group row, then its item rows, …, then the total row) whose group or total
    /// figures are not the sums of the rows under them. Percentages are ratios, not sums, and are skipped.
    /// </summary>
    public static IEnumerable<(ReportFigureRow Row, string Figure, decimal Shown, decimal Sum)> SumMismatches(IReportModel model)
    {
        var rows = model.Figures().ToList();
        var groups = new List<(ReportFigureRow Group, List<ReportFigureRow> Items)>();
        ReportFigureRow? total = null;
        foreach (var row in rows)
        {
            if (row.Key.StartsWith("group:", StringComparison.Ordinal))
            {
                groups.Add((row, []));
            }
            else if (row.Key.StartsWith("item:", StringComparison.Ordinal) && groups.Count > 0)
            {
                groups[^1].Items.Add(row);
            }
            else if (row.Key == "total")
            {
                total = row;
            }
        }

        foreach (var (group, items) in groups)
        {
            foreach (var m in Mismatches(group, items))
            {
                yield return m;
            }
        }

        if (total is not null && groups.Count > 0)
        {
            foreach (var m in Mismatches(total, groups.Select(g => g.Group).ToList()))
            {
                yield return m;
            }
        }
    }

    private static IEnumerable<(ReportFigureRow, string, decimal, decimal)> Mismatches(ReportFigureRow parent, IReadOnlyList<ReportFigureRow> children)
    {
        foreach (var v in parent.Values.Where(v => v.Unit != FigureUnit.Percent))
        {
            var sum = children.Sum(c => c.Values.FirstOrDefault(x => x.Name == v.Name)?.Value ?? 0);
            if ((v.Value ?? 0) != sum)
            {
                yield return (parent, v.Name, v.Value ?? 0, sum);
            }
        }
    }
}
