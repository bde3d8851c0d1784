using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.UnitTests.DataExchange;

/// <summary>
/// The save's second read (ADR 0201): each planned row comes back with its ledger in date order whatever the ledger
/// sheet's order, the ledger of skipped proposals is left out, and a row that is not what the check saw stops the save.
/// </summary>
public sealed class PlannedRowReaderTests
{
    private static RawCell T(string text) => new(text, null, null);

    private static RawCell N(decimal n) => new(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n, null);

    private static RawCell D(int year, int month, int day) => new($"{day:00}/{month:00}/{year}", null, new DateTime(year, month, day));

    private static RawRow Row(WorkbookSheet layout, int number, params (string Key, RawCell Cell)[] cells) =>
        new(number, cells.ToDictionary(c => layout.Columns.Select((col, i) => (col, i)).Single(x => x.col.Key == c.Key).i + 1, c => c.Cell));

    private static RawRow Header(WorkbookSheet layout) => new(1, layout.Columns.Select((c, i) => (i + 1, T(c.Header))).ToDictionary(x => x.Item1, x => x.Item2));

    private static RawRow Proposal(int number, string code) => Row(WorkbookLayout.Proposals, number,
        ("Code", T(code)), ("Title", T("Đề án " + code)), ("ItemCode", T("3.3")), ("UnitName", T("Đơn vị")), ("StartYear", N(2024)), ("EndYear", N(2024)),
        ("TotalCost", N(200_000_000)), ("ProvincialShare", N(100_000_000)), ("Status", T(WorkbookLayout.StatusName(ProposalStatus.Implementing))));

    private static RawRow Entry(int number, string code, int day, string voucher, decimal amount) => Row(WorkbookLayout.Ledger, number,
        ("Code", T(code)), ("EntryDate", D(2024, 5, day)), ("VoucherNumber", T(voucher)), ("Source", T(WorkbookLayout.SourceName(FundingSource.ProvincialBudget))),
        ("Kind", T(WorkbookLayout.KindName(DisbursementKind.Payment))), ("Amount", N(amount)));

    /// <summary>A-1, X-9 (skipped: already on the portal) and A-2 in DeAn; their ledger rows out of every order.</summary>
    private static RawWorkbook Workbook(decimal lastAmount = 3) => new(
    [
        new RawSheet(WorkbookLayout.ProposalSheetName, [Header(WorkbookLayout.Proposals), Proposal(3, "A-1"), Proposal(4, "X-9"), Proposal(5, "A-2")]),
        new RawSheet(WorkbookLayout.LedgerSheetName,
        [
            Header(WorkbookLayout.Ledger), Entry(3, "A-2", 20, "V-22", 2), Entry(4, "X-9", 1, "V-91", 9), Entry(5, "A-1", 9, "V-12", 5),
            Entry(6, "a-1", 2, "V-11", 1), Entry(7, "A-2", 10, "V-21", lastAmount),
        ]),
    ], "2018-2025");

    /// <summary>The plan the check makes of <see cref="Workbook"/>: fingerprints from its lean ledger index.</summary>
    private static ImportPlan Plan(RawWorkbook raw)
    {
        var ledger = LedgerIndex.Read(WorkbookParser.ReadLedger(raw, [], new StringPool(), shareCodes: false));
        var plan = new ImportPlan();
        foreach (var numbered in WorkbookParser.ReadProposals(raw, [], new StringPool()).Where(p => p.Value!.Code != "X-9"))
        {
            var line = numbered.Value!;
            plan.Rows.Add(new PlannedRow(numbered.Row, ImportPlanner.Lean(line), "N:đơn vị", 1, ledger.Count(line.Code),
                LedgerIndex.Fingerprint(numbered.Row, line, ledger.Fingerprints(line.Code))));
        }

        return plan;
    }

    [Fact]
    public void Each_planned_row_comes_back_whole_with_its_ledger_in_date_order()
    {
        var raw = Workbook();

        var rows = PlannedRowReader.Read(raw, Plan(raw)).ToList();

        Assert.Equal(["A-1", "A-2"], rows.Select(r => r.Line.Code).ToArray());
        Assert.Equal("Đề án A-2", rows[1].Line.Title);
        Assert.Equal(["V-11", "V-12"], rows[0].Ledger.Select(e => e.Value!.VoucherNumber).ToArray());
        Assert.Equal(["V-21", "V-22"], rows[1].Ledger.Select(e => e.Value!.VoucherNumber).ToArray());
        Assert.Equal([7, 3], rows[1].Ledger.Select(e => e.Row).ToArray());
    }

    [Fact]
    public void A_ledger_row_changed_since_the_check_stops_the_save()
    {
        var plan = Plan(Workbook());

        var ex = Assert.Throws<DomainException>(() => PlannedRowReader.Read(Workbook(lastAmount: 4), plan).ToList());

        Assert.Equal(PlannedRowReader.ChangedMessage, ex.Message);
    }

    [Fact]
    public void A_planned_row_gone_from_the_file_stops_the_save()
    {
        var raw = Workbook();
        var plan = Plan(raw);
        var shorter = new RawWorkbook([raw.Sheets[0] with { Rows = raw.Sheets[0].Rows.Take(3).ToList() }, raw.Sheets[1]], "2018-2025");

        Assert.Throws<DomainException>(() => PlannedRowReader.Read(shorter, plan).ToList());
    }
}
