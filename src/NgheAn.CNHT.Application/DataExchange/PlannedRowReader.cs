using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>A planned row read again for the save: the plan's keys, the whole line, and its ledger rows in date then row order.</summary>
internal sealed record RowToSave(PlannedRow Plan, ProposalLine Line, IReadOnlyList<Numbered<LedgerLine>> Ledger);

/// <summary>
/// The save's second read of the file (ADR 0201): the DeAn and GiaiNgan sheets read forward side by side, giving each
/// planned row with its ledger, in the plan's order. The ledger rows of a proposal later in DeAn wait until it comes; in
/// the portal's export (the ledger in the order of DeAn) none wait, so memory holds one proposal's rows at a time.
/// Every row given is proved to be what the check saw (the row, the line and its ledger, by the fingerprint the plan
/// kept); anything else means the file changed between the reads, and the save stops with a
/// <see cref="DomainException"/>, its transaction saving nothing.
/// </summary>
internal static class PlannedRowReader
{
    public const string ChangedMessage = "tệp đã thay đổi giữa lúc kiểm tra và lúc ghi; hãy kiểm tra lại tệp rồi nhập lại.";

    public static IEnumerable<RowToSave> Read(RawWorkbook raw, ImportPlan plan)
    {
        if (plan.Rows.Count == 0)
        {
            yield break;
        }

        var problems = new List<ImportProblem>();
        var pool = new StringPool();
        var owners = new Dictionary<string, int>(plan.Rows.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < plan.Rows.Count; i++)
        {
            owners[plan.Rows[i].Line.Code] = i;
        }

        var waiting = new Dictionary<int, List<Numbered<LedgerLine>>>();
        using var ledger = WorkbookParser.ReadLedger(raw, problems, pool, shareCodes: false).GetEnumerator();
        var next = 0;
        foreach (var numbered in WorkbookParser.ReadProposals(raw, problems, pool))
        {
            var planned = plan.Rows[next];
            if (numbered.Row != planned.Row)
            {
                // A row the check skipped (already in the portal), or one the file gained since.
                if (numbered.Row > planned.Row)
                {
                    throw Changed();
                }

                continue;
            }

            if (numbered.Value is not { } line || problems.Count > 0)
            {
                throw Changed();
            }

            var entries = waiting.Remove(next, out var early) ? early : new List<Numbered<LedgerLine>>(planned.LedgerCount);
            while (entries.Count < planned.LedgerCount)
            {
                if (!ledger.MoveNext() || problems.Count > 0 || ledger.Current.Value is not { } entry)
                {
                    throw Changed();
                }

                if (!owners.TryGetValue(entry.ProposalCode, out var owner))
                {
                    // The ledger of a proposal the check skipped: it stays on the portal as it is.
                    continue;
                }

                if (owner == next)
                {
                    entries.Add(ledger.Current);
                }
                else if (owner > next)
                {
                    (waiting.TryGetValue(owner, out var list) ? list : waiting[owner] = []).Add(ledger.Current);
                }
                else
                {
                    throw Changed();
                }
            }

            entries.Sort(static (a, b) => a.Value!.EntryDate != b.Value!.EntryDate ? a.Value.EntryDate.CompareTo(b.Value.EntryDate) : a.Row.CompareTo(b.Row));
            if (entries.Count != planned.LedgerCount || LedgerIndex.Fingerprint(numbered.Row, line, entries.Select(LedgerIndex.Fingerprint)) != planned.Fingerprint)
            {
                throw Changed();
            }

            yield return new RowToSave(planned, line, entries);
            if (++next == plan.Rows.Count)
            {
                break;
            }
        }

        if (next != plan.Rows.Count || waiting.Count > 0)
        {
            throw Changed();
        }

        // The rest of the ledger may only belong to skipped proposals.
        while (ledger.MoveNext())
        {
            if (problems.Count > 0 || ledger.Current.Value is not { } entry || owners.ContainsKey(entry.ProposalCode))
            {
                throw Changed();
            }
        }
    }

    private static DomainException Changed() => new(ChangedMessage);
}
