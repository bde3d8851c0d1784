using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.PublicContent;

namespace NgheAn.CNHT.Application.PublicContent;

public sealed record ProjectAdminRow(int Id, string Slug, string TitleVi, string SectorCode, decimal? TotalInvestment, PublicationState State, bool IsSample, DateTime? UpdatedAt, Guid Stamp);

public sealed record ProjectAdminPage(IReadOnlyList<ProjectAdminRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The DOIT side of the priority project list: create, edit, withdraw (with a reason) and publish again. Every change audited.</summary>
public sealed class InvestmentProjectAdmin(IAppDbContext db, ILogger<InvestmentProjectAdmin> logger)
{
    public const int PageSize = 30;

    public async Task<ProjectAdminPage> PageAsync(int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var total = await db.InvestmentProjects.CountAsync(ct);
        var rows = await db.InvestmentProjects.AsNoTracking()
            .OrderBy(p => p.State).ThenBy(p => p.TitleVi).ThenBy(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new ProjectAdminRow(p.Id, p.Slug, p.TitleVi, p.SectorCode, p.TotalInvestment, p.State, p.IsSample, p.UpdatedAt, p.ConcurrencyStamp))
            .ToListAsync(ct);
        return new ProjectAdminPage(rows, total, page, PageSize);
    }

    public Task<InvestmentProject?> FindAsync(int id, CancellationToken ct = default) =>
        db.InvestmentProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<int> CreateAsync(InvestmentProjectDraft draft, CancellationToken ct = default)
    {
        var slug = await ContentSaving.FreeSlugAsync(draft.TitleVi ?? "", s => db.InvestmentProjects.AnyAsync(p => p.Slug == s, ct));
        var project = new InvestmentProject(slug, draft);
        db.InvestmentProjects.Add(project);
        await ContentSaving.SaveAsync(db, ct);
        logger.LogInformation("Priority investment project {ProjectId} created", project.Id);
        return project.Id;
    }

    public async Task UpdateAsync(int id, Guid? stamp, InvestmentProjectDraft draft, CancellationToken ct = default)
    {
        var project = await LoadAsync(id, stamp, ct);
        project.Update(draft);
        await ContentSaving.SaveAsync(db, ct);
        logger.LogInformation("Priority investment project {ProjectId} updated", id);
    }

    public async Task WithdrawAsync(int id, Guid? stamp, string? reason, CancellationToken ct = default)
    {
        var project = await LoadAsync(id, stamp, ct);
        project.Withdraw(reason);
        await ContentSaving.SaveAsync(db, ct);
        logger.LogInformation("Priority investment project {ProjectId} withdrawn from the public list", id);
    }

    public async Task RepublishAsync(int id, Guid? stamp, CancellationToken ct = default)
    {
        var project = await LoadAsync(id, stamp, ct);
        project.Republish();
        await ContentSaving.SaveAsync(db, ct);
        logger.LogInformation("Priority investment project {ProjectId} published again", id);
    }

    private async Task<InvestmentProject> LoadAsync(int id, Guid? stamp, CancellationToken ct)
    {
        var project = await db.InvestmentProjects.FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException($"Không tìm thấy dự án số {id}.");
        ContentSaving.RequireStamp(stamp);
        db.Entry(project).Property(p => p.ConcurrencyStamp).OriginalValue = stamp!.Value;
        return project;
    }
}
