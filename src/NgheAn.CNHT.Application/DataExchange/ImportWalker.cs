using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// Walks one row through the domain: <see cref="Begin"/> creates the proposal and takes it to its status
/// (up to acceptance), <see cref="LedgerAsync"/> records its ledger rows in date order against the running
/// balance, <see cref="Finish"/> settles or cancels it. Each refusal becomes a located problem.
/// While saving, the proposal is saved between Begin and the ledger so entries get its id.
/// </summary>
internal sealed class ImportWalker(ProposalLine line, int row, ImportContext ctx, List<ImportProblem> problems)
{
    private readonly Actor _actor = ImportActors.Import;
    private LedgerBalance _balance = LedgerBalance.Empty;

    public bool Ok { get; private set; } = true;
    public Proposal? Proposal { get; private set; }

    private void Error(string? field, string message)
    {
        problems.Add(ImportProblems.Proposal(row, ProposalColumn(field), message));
        Ok = false;
    }

    public void Begin(ProposalContext context)
    {
        var target = line.Status;
        var needsDecision = target is ProposalStatus.Approved or ProposalStatus.Implementing or ProposalStatus.Accepted or ProposalStatus.Settled;
        var needsDate = needsDecision || target is ProposalStatus.Appraised or ProposalStatus.Rejected;
        var status = target.DisplayName();
        if (needsDecision && string.IsNullOrWhiteSpace(line.DecisionNumber))
        {
            Error("DecisionNumber", $"Số quyết định phê duyệt bắt buộc với trạng thái \"{status}\".");
        }

        if (needsDate && line.DecisionDate is null)
        {
            Error("DecisionDate", $"Ngày phê duyệt (hoặc ngày thẩm định, ngày quyết định) bắt buộc với trạng thái \"{status}\".");
        }

        if (target is ProposalStatus.Accepted or ProposalStatus.Settled && line.AcceptanceDate is null)
        {
            Error("AcceptanceDate", $"Ngày nghiệm thu bắt buộc với trạng thái \"{status}\".");
        }

        if (target == ProposalStatus.Settled)
        {
            if (string.IsNullOrWhiteSpace(line.SettlementDecisionNumber))
            {
                Error("SettlementDecisionNumber", "Số quyết định quyết toán bắt buộc với trạng thái \"Đã quyết toán\".");
            }

            if (line.SettlementDate is null)
            {
                Error("SettlementDate", "Ngày quyết toán bắt buộc với trạng thái \"Đã quyết toán\".");
            }
        }
        else if (line.SettledTotalCost is not null || line.SettledProvincialShare is not null)
        {
            Error("SettledTotalCost", "Chỉ ghi số quyết toán cho đề án ở trạng thái \"Đã quyết toán\".");
        }

        var approvedFirst = needsDecision || (target == ProposalStatus.Cancelled && line.DecisionNumber is not null && line.DecisionDate is not null);
        if (ImportPolicy.MayNotImport(ctx.Importer, target, approvedFirst) is { } refused)
        {
            Error("Status", refused);
        }

        if (!Ok)
        {
            return;
        }

        var now = ctx.UtcNow;
        var comment = ctx.Comment;
        try
        {
            var proposal = new Proposal(new ProposalDraft(line.Code, line.Title, null, null, line.StartYear, line.EndYear, line.TotalCost, line.ProvincialShare),
                context, _actor, now);
            if (target != ProposalStatus.Draft && (target != ProposalStatus.Cancelled || approvedFirst))
            {
                proposal.Submit(_actor, now, comment);
                if (target != ProposalStatus.Submitted)
                {
                    proposal.Appraise(_actor, now, line.DecisionDate!.Value, comment, line.TotalCost, line.ProvincialShare);
                    if (target == ProposalStatus.Rejected)
                    {
                        proposal.Reject(_actor, now, comment);
                    }
                    else if (target != ProposalStatus.Appraised)
                    {
                        proposal.Approve(_actor, now, line.DecisionNumber!, line.DecisionDate.Value, line.TotalCost, line.ProvincialShare, comment);
                        if (target is ProposalStatus.Implementing or ProposalStatus.Accepted or ProposalStatus.Settled)
                        {
                            proposal.StartImplementation(_actor, now, comment);
                        }

                        if (target is ProposalStatus.Accepted or ProposalStatus.Settled)
                        {
                            proposal.Accept(_actor, now, line.AcceptanceDate!.Value, comment);
                        }
                    }
                }
            }

            Proposal = proposal;
        }
        catch (DomainException ex)
        {
            foreach (var e in ex.Errors)
            {
                Error(e.Field, e.Message);
            }
        }
    }

    /// <summary>Records the ledger rows; <paramref name="onEntry"/> receives each entry, <paramref name="saveNow"/> gives a reversed entry its id.</summary>
    public async Task LedgerAsync(IReadOnlyList<Numbered<LedgerLine>> ledger, Action<DisbursementEntry>? onEntry = null, Func<Task>? saveNow = null)
    {
        if (Proposal is not { } proposal)
        {
            return;
        }

        var recorded = new List<DisbursementEntry>();
        var reversed = new HashSet<DisbursementEntry>();
        foreach (var numbered in ledger)
        {
            var entryLine = numbered.Value!;
            try
            {
                DisbursementEntry entry;
                if (entryLine.Kind == DisbursementKind.Reversal)
                {
                    var originals = recorded.Where(e => e.Kind != DisbursementKind.Reversal && !reversed.Contains(e)
                        && string.Equals(e.VoucherNumber, entryLine.OriginalVoucher, StringComparison.OrdinalIgnoreCase)).ToList();
                    if (string.IsNullOrWhiteSpace(entryLine.OriginalVoucher) || originals.Count != 1)
                    {
                        problems.Add(ImportProblems.Ledger(numbered.Row, "OriginalVoucher", string.IsNullOrWhiteSpace(entryLine.OriginalVoucher)
                            ? "Bút toán đảo phải ghi số chứng từ gốc (bút toán bị đảo)."
                            : originals.Count == 0
                                ? $"Không có bút toán số chứng từ {entryLine.OriginalVoucher} (chưa bị đảo) của đề án {line.Code} trước ngày {VnFormat.Date(entryLine.EntryDate)}."
                                : $"Có {originals.Count} bút toán cùng số chứng từ {entryLine.OriginalVoucher}; không xác định được bút toán bị đảo."));
                        Ok = false;
                        continue;
                    }

                    var original = originals[0];
                    if (Math.Abs(original.Amount) != entryLine.Amount)
                    {
                        problems.Add(ImportProblems.Ledger(numbered.Row, "Amount", $"Bút toán đảo phải bằng số tiền của bút toán gốc ({VnFormat.Dong(Math.Abs(original.Amount))} đồng)."));
                        Ok = false;
                        continue;
                    }

                    if (original.Id == 0 && saveNow is not null)
                    {
                        await saveNow();
                    }

                    entry = original.Reverse(proposal, _balance, alreadyReversed: false, entryLine.EntryDate, entryLine.VoucherNumber, entryLine.Note ?? "", _actor, ctx.UtcNow);
                    reversed.Add(original);
                }
                else
                {
                    entry = DisbursementEntry.Record(proposal, _balance, entryLine.EntryDate, entryLine.Amount, entryLine.Source, entryLine.Kind,
                        entryLine.VoucherNumber, entryLine.Note, _actor, ctx.UtcNow);
                }

                recorded.Add(entry);
                _balance = entry.Source switch
                {
                    FundingSource.ProvincialBudget => _balance with { Provincial = _balance.Provincial + entry.Amount },
                    FundingSource.Counterpart => _balance with { Counterpart = _balance.Counterpart + entry.Amount },
                    _ => _balance with { Other = _balance.Other + entry.Amount },
                };
                onEntry?.Invoke(entry);
            }
            catch (DomainException ex)
            {
                foreach (var e in ex.Errors)
                {
                    problems.Add(ImportProblems.Ledger(numbered.Row, LedgerColumn(e.Field), e.Message));
                }

                Ok = false;
            }
        }
    }

    public void Finish()
    {
        if (Proposal is not { } proposal)
        {
            return;
        }

        try
        {
            if (line.Status == ProposalStatus.Settled)
            {
                proposal.Settle(_actor, ctx.UtcNow, line.SettlementDecisionNumber!, line.SettlementDate!.Value,
                    line.SettledTotalCost ?? line.TotalCost, line.SettledProvincialShare ?? line.ProvincialShare, _balance.Provincial, ctx.Comment, _balance.NonProvincial);
            }
            else if (line.Status == ProposalStatus.Cancelled)
            {
                proposal.Cancel(_actor, ctx.UtcNow, ctx.Comment);
            }
        }
        catch (DomainException ex)
        {
            foreach (var e in ex.Errors)
            {
                Error(e.Field, e.Message);
            }
        }
    }

    private static string ProposalColumn(string? field) => field switch
    {
        null or "Comment" or "AppraisalOpinion" or "AcceptanceResult" => "Status",
        nameof(Proposal.Code) => "Code",
        nameof(Proposal.Title) => "Title",
        nameof(Proposal.ContentItemId) => "ItemCode",
        nameof(Proposal.LeadOrganizationId) => "UnitName",
        nameof(Proposal.StartYear) => "StartYear",
        nameof(Proposal.EndYear) => "EndYear",
        nameof(Proposal.DecisionNumber) => "DecisionNumber",
        nameof(Proposal.DecisionDate) or nameof(Proposal.AppraisalDate) => "DecisionDate",
        nameof(Proposal.AcceptanceDate) => "AcceptanceDate",
        nameof(Proposal.SettlementDecisionNumber) => "SettlementDecisionNumber",
        nameof(Proposal.SettlementDate) => "SettlementDate",
        _ when field.StartsWith("Settled", StringComparison.Ordinal) && field.EndsWith("TotalCost", StringComparison.Ordinal) => "SettledTotalCost",
        _ when field.StartsWith("Settled", StringComparison.Ordinal) => "SettledProvincialShare",
        _ when field.EndsWith("TotalCost", StringComparison.Ordinal) => "TotalCost",
        _ when field.EndsWith("ProvincialShare", StringComparison.Ordinal) => "ProvincialShare",
        _ => "Status",
    };

    private static string LedgerColumn(string? field) => field switch
    {
        nameof(DisbursementEntry.Amount) => "Amount",
        nameof(DisbursementEntry.EntryDate) => "EntryDate",
        nameof(DisbursementEntry.VoucherNumber) => "VoucherNumber",
        nameof(DisbursementEntry.Source) => "Source",
        nameof(DisbursementEntry.Kind) => "Kind",
        nameof(DisbursementEntry.Note) => "Note",
        _ => "Code",
    };
}
