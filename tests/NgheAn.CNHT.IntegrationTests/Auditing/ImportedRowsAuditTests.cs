using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Auditing;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.DataExchange;
using NgheAn.CNHT.IntegrationTests.Support;
using NgheAn.CNHT.IntegrationTests.Web;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Auditing;

/// <summary>
/// The rows an import writes in bulk are audited by one row per table for the import (ADR 0212): an imported proposal's
/// audit history names the import, the person, the moment and the file's SHA-256; rows the import does not write in bulk
/// (a new lead unit) and every later change keep their own audit rows.
/// </summary>
public sealed class ImportedRowsAuditTests(EmptyPortalWithUsers portal) : IClassFixture<EmptyPortalWithUsers>
{
    [Fact]
    public async Task An_imported_proposals_audit_history_names_the_import_the_user_the_time_and_the_file_hash()
    {
        var bytes = LargeWorkbookTests.Rows(portal, 40);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var outcome = await portal.ImportAsync(bytes, fileName: "lich-su-nhap.xlsx");
        Assert.True(outcome.Saved, string.Join("\n", outcome.Problems.Take(10)));

        var (id, importer, at, units, unitInserts, importRows) = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var proposal = await db.Proposals.OrderBy(p => p.Id).Skip(17).Select(p => new { p.Id, p.CreatedBy }).FirstAsync();
            var row = await db.AuditEntries.SingleAsync(a => a.EntityType == "Proposal" && a.Action == ImportedRows.Action);
            return (proposal.Id, proposal.CreatedBy, row.At, await db.Organizations.CountAsync(),
                await db.AuditEntries.CountAsync(a => a.EntityType == "Organization" && a.Action == "Insert"),
                await db.AuditEntries.CountAsync(a => a.Action == ImportedRows.Action));
        });
        // One row each for the proposals, their history and their entries; the new units keep one Insert row each.
        Assert.Equal(3, importRows);
        Assert.Equal(40, units);
        Assert.Equal(units, unitInserts);

        var leader = await portal.SignInAsAsync("DoitLeader");
        var page = Text(await leader.GetStringAsync($"/Audit?entity=Proposal&key={id}"));
        Assert.Contains("1 bản ghi nhật ký", page);
        Assert.Contains("Nhập từ tệp (cả lô)", page);
        Assert.Contains(importer, page);
        Assert.Contains(VnFormat.DateTime(at), page);
        Assert.Matches("Tệp nhập:\\s+lich-su-nhap\\.xlsx", page);
        Assert.Matches($"Mã băm SHA-256 của tệp:\\s+{hash}", page);
        Assert.Matches("Số bản ghi đã nhập:\\s+40", page);

        // The same through the query, and for the key alone; an id outside every imported range finds nothing.
        var rows = await portal.ScopedAsync(sp => sp.GetRequiredService<AuditQueries>().SearchAsync(new AuditFilter(EntityKey: id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Contains(rows.Rows, r => r.EntityType == "Proposal" && r.Action == ImportedRows.Action && r.Changes.Any(c => c.Field == ImportedRows.Sha256Field && c.New == hash));
        Assert.Contains("0 bản ghi nhật ký", Text(await leader.GetStringAsync($"/Audit?entity=Proposal&key={id + 1000}")));

        // A later change to the imported proposal is audited row by row, as any change, beside the import's row.
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var p = await db.Proposals.SingleAsync(x => x.Id == id);
            db.Entry(p).Property(x => x.Title).CurrentValue = "Đề án sửa sau khi nhập";
            return await db.SaveChangesAsync();
        });
        var after = Text(await leader.GetStringAsync($"/Audit?entity=Proposal&key={id}"));
        Assert.Contains("2 bản ghi nhật ký", after);
        Assert.Contains("Đề án sửa sau khi nhập", after);
        Assert.Contains("Nhập từ tệp (cả lô)", after);
    }
}
