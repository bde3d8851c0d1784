using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Seeding;

public sealed record ScaleResult(int Organizations, int Proposals, int Transitions, int Entries, TimeSpan Elapsed);

/// <summary>
/// Synthetic data at national scale for benchmarks (`seed-scale`): lead units, proposals over both
/// programs in every status, walked through the real domain lifecycle (so every rule holds), and ledger
/// entries within their ceilings. Rows are written in batches by a context without the audit
/// interceptor (synthetic rows are marked IsSample; the audit trail is for people's changes), with the
/// change tracker cleared after each batch so memory stays bounded.
/// </summary>
public sealed class ScaleDataSeeder(IConfiguration configuration, IHostEnvironment environment, CatalogSeeder catalog, ILogger<ScaleDataSeeder> logger)
{
    private const int BatchSize = 2_000;
    private const decimal Million = 1_000_000m;

    /// <summary>Written into every synthetic proposal's title and ledger note, so no one takes them for real records.</summary>
    public const string SyntheticMark = "dữ liệu tổng hợp";

    private static readonly Actor Specialist = new("scale.chuyenvien", "Chuyên viên (dữ liệu tổng hợp)", new HashSet<string> { Roles.DoitSpecialist });
    private static readonly Actor Leader = new("scale.lanhdao", "Lãnh đạo (dữ liệu tổng hợp)", new HashSet<string> { Roles.DoitLeader });
    private static readonly Actor Center = new("scale.trungtam", "Trung tâm (dữ liệu tổng hợp)", new HashSet<string> { Roles.SupportCenter });

    private static readonly string[] Districts = ["Thành phố Vinh", "Thị xã Hoàng Mai", "Thị xã Cửa Lò", "Huyện Nghi Lộc", "Huyện Diễn Châu", "Huyện Quỳnh Lưu", "Huyện Đô Lương", "Huyện Nam Đàn", "Huyện Yên Thành", "Huyện Hưng Nguyên"];
    private static readonly string[] Sectors = ["Cơ khí", "Điện tử", "Dệt may", "Da giày", "Nhựa, cao su", "Vật liệu", "Cơ khí, ô tô", "Năng lượng"];
    private static readonly string[] Topics = ["Đổi mới công nghệ", "Sản xuất thử nghiệm", "Đào tạo nhân lực", "Xúc tiến thương mại", "Hoàn thiện quy trình", "Áp dụng hệ thống quản lý", "Chuyển đổi số", "Hội thảo kết nối"];
    private static readonly string[] Products = ["linh kiện điện tử", "phụ tùng ô tô", "khuôn mẫu", "sợi và vải kỹ thuật", "chi tiết cơ khí chính xác", "bao bì nhựa kỹ thuật", "vật liệu composite", "bo mạch điều khiển"];

    public async Task<ScaleResult> SeedAsync(int proposals, int entries, int seed = 20261127, CancellationToken ct = default)
    {
        if (proposals < 1 || proposals > 2_000_000 || entries < 0 || entries > 20_000_000)
        {
            throw new DomainException("Số đề án phải từ 1 đến 2.000.000 và số bút toán từ 0 đến 20.000.000.");
        }

        await catalog.EnsureAsync(ct);
        var clock = Stopwatch.StartNew();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.ConfigureDbContext(options, configuration, environment.ContentRootPath);
        var random = new Random(seed);
        var now = DateTime.UtcNow;

        await using (var setup = new AppDbContext(options.Options))
        {
            await EnsureItemsForDraftProgramsAsync(setup, ct);
        }

        List<(int ProgramId, YearRange Period, int ItemId)> items;
        List<int> organizations;
        int existing;
        await using (var db = new AppDbContext(options.Options))
        {
            items = (await db.ContentItems.AsNoTracking()
                    .Select(i => new { i.Group.ProgramId, i.Group.Program.StartYear, i.Group.Program.EndYear, i.Id })
                    .ToListAsync(ct))
                .Select(i => (i.ProgramId, new YearRange(i.StartYear, i.EndYear), i.Id)).ToList();
            existing = await db.Proposals.CountAsync(p => p.Code.StartsWith("TH-"), ct);
            organizations = await CreateOrganizationsAsync(db, Math.Clamp(proposals / 50, 20, 20_000), random, ct);
        }

        var ledgerCapable = new[] { ProposalStatus.Approved, ProposalStatus.Implementing, ProposalStatus.Accepted, ProposalStatus.Settled };
        int created = 0, transitions = 0, written = 0, capableSoFar = 0;
        while (created < proposals)
        {
            await using var db = new AppDbContext(options.Options);
            var batch = new List<Proposal>();
            var settleLater = new HashSet<Proposal>();
            for (var i = 0; i < BatchSize && created < proposals; i++, created++)
            {
                var (programId, period, itemId) = items[random.Next(items.Count)];
                var start = random.Next(period.From, period.To + 1);
                var end = Math.Min(period.To, start + random.Next(0, 2));
                var total = random.Next(30, 6_000) * Million;
                var share = decimal.Round(total * random.Next(10, 71) / 100m / Million, 0) * Million;
                var title = $"{Topics[random.Next(Topics.Length)]} {Products[random.Next(Products.Length)]} ({SyntheticMark} {existing + created + 1})";
                var at = new DateTime(start, 1 + random.Next(0, 6), 1 + random.Next(0, 27), 2, 0, 0, DateTimeKind.Utc);
                // Proposals of recent or future years are still being drafted or examined (and dated in the past).
                var target = at.AddDays(60) > now ? (random.Next(2) == 0 ? ProposalStatus.Draft : ProposalStatus.Submitted) : Pick(random);
                if (at.AddDays(2) > now)
                {
                    at = now.AddDays(-random.Next(2, 30));
                }

                var p = new Proposal(new ProposalDraft($"TH-{start}-{existing + created + 1:0000000}", title, null, null, start, end, total, share),
                    new ProposalContext(programId, period, itemId, organizations[random.Next(organizations.Count)]), Specialist, at, isSample: true);
                if (Walk(p, target, at, total, share))
                {
                    settleLater.Add(p);
                }

                batch.Add(p);
            }

            db.Proposals.AddRange(batch);
            await db.SaveChangesAsync(ct);

            // Entries per proposal adapt so the total lands on the requested number.
            var capable = batch.Where(p => ledgerCapable.Contains(p.Status)).ToList();
            capableSoFar += capable.Count;
            var expectedCapable = capable.Count + ((proposals - created) * (double)capableSoFar / created);
            var perProposal = expectedCapable <= 0 ? 0 : (int)Math.Ceiling((entries - written) / expectedCapable);
            foreach (var p in capable)
            {
                var remaining = entries - written;
                if (remaining <= 0)
                {
                    break;
                }

                written += AddEntries(db, p, Math.Min(perProposal, remaining), random, settleLater.Contains(p));
            }

            // Proposals meant to end settled and left without entries are settled now.
            foreach (var p in settleLater.Where(p => p.Status == ProposalStatus.Accepted))
            {
                Settle(p, LedgerBalance.Empty);
            }

            transitions += batch.Sum(p => p.Transitions.Count);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Scale data: {Proposals}/{Total} proposals, {Entries} ledger entries", created, proposals, written);
        }

        await using (var db = new AppDbContext(options.Options))
        {
            // These rows bypassed the interceptor: raise the data version so no node serves cached figures.
            await db.Database.ExecuteSqlRawAsync(DataVersion.RaiseSql, ct);
            if (db.Database.IsSqlite())
            {
                // Fresh statistics for the query planner after a bulk load.
                await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
            }
        }

        clock.Stop();
        return new ScaleResult(organizations.Count, proposals, transitions, written, clock.Elapsed);
    }

    private static ProposalStatus Pick(Random random) => random.Next(100) switch
    {
        < 8 => ProposalStatus.Draft,
        < 13 => ProposalStatus.Submitted,
        < 18 => ProposalStatus.Appraised,
        < 22 => ProposalStatus.Rejected,
        < 25 => ProposalStatus.Cancelled,
        < 45 => ProposalStatus.Approved,
        < 65 => ProposalStatus.Implementing,
        < 77 => ProposalStatus.Accepted,
        _ => ProposalStatus.Settled,
    };

    /// <summary>
    /// Walks the proposal through the real lifecycle up to the target status. Returns true when the target
    /// is Settled: settlement comes after its ledger entries (the domain refuses entries after settlement).
    /// </summary>
    private static bool Walk(Proposal p, ProposalStatus target, DateTime at, decimal total, decimal share)
    {
        if (target == ProposalStatus.Draft)
        {
            return false;
        }

        p.Submit(Specialist, at.AddDays(1), null);
        if (target == ProposalStatus.Submitted)
        {
            return false;
        }

        var appraised = DateOnly.FromDateTime(at.AddDays(10));
        p.Appraise(Center, at.AddDays(10), appraised, "Đề nghị hỗ trợ theo dự toán.", total, share);
        switch (target)
        {
            case ProposalStatus.Appraised:
                return false;
            case ProposalStatus.Rejected:
                p.Reject(Leader, at.AddDays(20), "Không phù hợp nội dung hỗ trợ.");
                return false;
            case ProposalStatus.Cancelled:
                p.Cancel(Leader, at.AddDays(20), "Đơn vị rút hồ sơ.");
                return false;
        }

        p.Approve(Leader, at.AddDays(20), $"{p.Code}/QĐ-SCT", appraised.AddDays(10), total, share, null);
        if (target == ProposalStatus.Approved)
        {
            return false;
        }

        p.StartImplementation(Center, at.AddDays(25), null);
        if (target == ProposalStatus.Implementing)
        {
            return false;
        }

        var accepted = Min(appraised.AddDays(200), DateOnly.FromDateTime(DateTime.UtcNow));
        p.Accept(Center, accepted.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), accepted, "Đạt yêu cầu.");
        return target == ProposalStatus.Settled;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static void Settle(Proposal p, LedgerBalance balance)
    {
        var settled = Min(p.AcceptanceDate!.Value.AddDays(15), DateOnly.FromDateTime(DateTime.UtcNow));
        p.Settle(Center, settled.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), $"{p.Code}/QĐ-TT", settled, p.ApprovedTotalCost!.Value,
            p.ApprovedProvincialShare!.Value, balance.Provincial, null);
    }

    /// <summary>Ledger entries within the ceilings: an advance, payments, counterpart payments; then settlement where marked.</summary>
    private static int AddEntries(AppDbContext db, Proposal p, int count, Random random, bool settle)
    {
        var share = p.ApprovedProvincialShare ?? 0;
        var other = (p.ApprovedTotalCost ?? 0) - share;
        var balance = LedgerBalance.Empty;
        var date = p.DecisionDate!.Value.AddDays(5);
        var added = 0;
        for (var i = 0; i < count; i++)
        {
            var provincial = i % 3 != 2 || other == 0;
            var ceiling = provincial ? share - balance.Provincial : other - balance.NonProvincial;
            var amount = decimal.Round(ceiling / Math.Max(2, count - i), 0, MidpointRounding.ToZero);
            if (amount <= 0)
            {
                continue;
            }

            var source = provincial ? FundingSource.ProvincialBudget : FundingSource.Counterpart;
            var kind = i == 0 ? DisbursementKind.Advance : DisbursementKind.Payment;
            var entry = DisbursementEntry.Record(p, balance, date, amount, source, kind, $"{p.Code}-{i + 1}", SyntheticMark, Center,
                date.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc), isSample: true);
            db.DisbursementEntries.Add(entry);
            balance = provincial ? balance with { Provincial = balance.Provincial + amount } : balance with { Counterpart = balance.Counterpart + amount };
            added++;
            date = Min(date.AddDays(random.Next(1, 20)), DateOnly.FromDateTime(DateTime.UtcNow));
        }

        if (settle)
        {
            Settle(p, balance);
        }

        return added;
    }

    private static async Task<List<int>> CreateOrganizationsAsync(AppDbContext db, int count, Random random, CancellationToken ct)
    {
        var taken = (await db.Organizations.Where(o => o.TaxCode != null).Select(o => o.TaxCode!).ToListAsync(ct)).ToHashSet();
        var list = new List<Organization>(count);
        var stem = 291_000_000L + random.Next(0, 100_000);
        for (var i = 0; i < count; i++)
        {
            string code;
            do
            {
                code = DemoDataSeeder.WithCheckDigit((stem++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            while (!taken.Add(code));

            list.Add(new Organization($"Công ty TNHH Công nghiệp hỗ trợ tổng hợp số {i + 1:00000}", OrganizationKind.SupportingIndustryEnterprise, code,
                Sectors[random.Next(Sectors.Length)], Districts[random.Next(Districts.Length)], isSample: true));
        }

        db.Organizations.AddRange(list);
        await db.SaveChangesAsync(ct);
        return list.Select(o => o.Id).ToList();
    }

    /// <summary>Programs still in set-up get one item per area so synthetic proposals can use them (plan 1.000 triệu each).</summary>
    private static async Task EnsureItemsForDraftProgramsAsync(AppDbContext db, CancellationToken ct)
    {
        var drafts = await db.Programs.Include(p => p.Groups).ThenInclude(g => g.Items)
            .Where(p => p.Status == ProgramStatus.Draft).ToListAsync(ct);
        foreach (var group in drafts.SelectMany(p => p.Groups).Where(g => g.Items.Count == 0))
        {
            group.AddItem($"{group.Code}.1", $"Nội dung thử nghiệm của lĩnh vực {group.Code}", 1_000 * Million);
        }

        await db.SaveChangesAsync(ct);
    }
}
