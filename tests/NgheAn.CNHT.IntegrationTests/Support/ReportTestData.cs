using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Estimates;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>Estimates and ledger entries made through the domain (the estimate and ledger screens are another issue's).</summary>
public static class ReportTestData
{
    public static readonly Actor Specialist = new("chuyenvien@cnht.demo", "Chuyên viên", new HashSet<string> { Roles.DoitSpecialist });
    public static readonly Actor Leader = new("lanhdao@cnht.demo", "Lãnh đạo", new HashSet<string> { Roles.DoitLeader });
    public static readonly Actor Center = new("trungtam@cnht.demo", "Trung tâm", new HashSet<string> { Roles.SupportCenter });

    /// <summary>Creates, submits and approves an estimate version; returns its id.</summary>
    public static async Task<int> ApproveEstimateAsync(CnhtFactory portal, int year, int version, IReadOnlyDictionary<string, decimal> lines, string decision = "12/QĐ-UBND")
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var program = await db.Programs.SingleAsync(p => p.Code == "2018-2025");
        var items = await db.ContentItems.Where(i => i.Group.ProgramId == program.Id).ToDictionaryAsync(i => i.Code, i => i.Id);
        var estimate = new AnnualEstimate(program.Id, program.Period, year, version, $"Dự toán năm {year}");
        foreach (var (code, amount) in lines)
        {
            estimate.SetLine(items[code], amount, null);
        }

        var now = DateTime.UtcNow;
        estimate.Submit(Specialist, now);
        estimate.Approve(Leader, now, decision, DateOnly.FromDateTime(now));
        foreach (var older in await db.AnnualEstimates.Where(e => e.ProgramId == program.Id && e.Year == year && e.Status == EstimateStatus.Approved).ToListAsync())
        {
            older.Supersede();
        }

        db.AnnualEstimates.Add(estimate);
        await db.SaveChangesAsync();
        return estimate.Id;
    }

    /// <summary>Records one ledger entry on a proposal, checking the ceiling against what the ledger already holds.</summary>
    public static async Task RecordAsync(CnhtFactory portal, string proposalCode, DateOnly date, decimal amount, FundingSource source, DisbursementKind kind)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var proposal = await db.Proposals.SingleAsync(p => p.Code == proposalCode);
        var sums = await db.DisbursementEntries.Where(e => e.ProposalId == proposal.Id)
            .GroupBy(e => e.Source).Select(g => new { g.Key, Sum = g.Sum(e => e.Amount) }).ToListAsync();
        var balance = new LedgerBalance(
            sums.Where(s => s.Key == FundingSource.ProvincialBudget).Sum(s => s.Sum),
            sums.Where(s => s.Key == FundingSource.Counterpart).Sum(s => s.Sum),
            sums.Where(s => s.Key == FundingSource.Other).Sum(s => s.Sum));
        db.DisbursementEntries.Add(DisbursementEntry.Record(proposal, balance, date, amount, source, kind, $"PC-TEST-{Guid.NewGuid():N}"[..20], null, Center, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }
}
