using NgheAn.CNHT.Domain.Organizations;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// A checked row the import will create: its workbook row, its line, its lead unit's key, item, how many ledger rows it has
/// and the fingerprint of what was checked (ADR 0201). Past the preview's rows the line is kept without its texts the
/// save reads again from the file (<see cref="ImportPlanner.Lean"/>): the save's second read gives the whole row.
/// </summary>
internal sealed record PlannedRow(int Row, ProposalLine Line, string UnitKey, int ItemId, int LedgerCount, int Fingerprint);

/// <summary>A lead unit the rows use or the DonVi sheet lists: matched in the portal (<see cref="ExistingId"/>) or to be created.</summary>
internal sealed record PlannedUnit(string Key, string Name, OrganizationKind Kind, string? TaxCode, string? Sector, string? District, string? Address, int? ExistingId)
{
    /// <summary>Stand-in key while checking: the domain wants a positive id before the unit exists.</summary>
    public int PlaceholderId { get; init; }
}

/// <summary>What the check found the file would write: the new rows and units, and what it skips.</summary>
internal sealed class ImportPlan
{
    public List<PlannedRow> Rows { get; } = [];
    public Dictionary<string, PlannedUnit> Units { get; } = [];
    public int Existing { get; set; }
    public int SkippedLedger { get; set; }

    /// <summary>Data rows of the DeAn sheet, readable or not.</summary>
    public int ProposalRows { get; set; }

    /// <summary>Data rows of the GiaiNgan sheet, readable or not.</summary>
    public int LedgerRows { get; set; }

    public ImportSummary Summary()
    {
        var used = Rows.Select(r => r.UnitKey).Distinct().Select(k => Units[k]).ToList();
        return new ImportSummary(ProposalRows, Rows.Count, Existing, LedgerRows, Rows.Sum(r => r.LedgerCount), SkippedLedger,
            Units.Values.Count(u => u.ExistingId is null), used.Count(u => u.ExistingId is not null));
    }
}

/// <summary>Problems located on the DeAn and GiaiNgan sheets by column key (the template's letter and header).</summary>
internal static class ImportProblems
{
    public static ImportProblem Proposal(int row, string key, string message) =>
        new(WorkbookLayout.ProposalSheetName, row, WorkbookLayout.Proposals[key].Letter, WorkbookLayout.Proposals[key].Header, message);

    public static ImportProblem Ledger(int row, string key, string message) =>
        new(WorkbookLayout.LedgerSheetName, row, WorkbookLayout.Ledger[key].Letter, WorkbookLayout.Ledger[key].Header, message);
}
