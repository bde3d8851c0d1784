using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Proposals;

/// <summary>One entry of an item's checklist (catalog data, ADR 0125).</summary>
public sealed record RequiredDocumentRow(int SortOrder, string Name, DocumentType DocumentType, bool IsMandatory);

/// <summary>A checklist entry against a proposal's current files: the files that answer it (by document type).</summary>
public sealed record ChecklistEntry(RequiredDocumentRow Document, IReadOnlyList<string> Files)
{
    public bool IsMet => Files.Count > 0;
}

/// <summary>
/// The dossier checklist of a content item and how far a proposal's files answer it. "Nộp hồ sơ" is refused
/// while a mandatory entry has no file (issue 24); an item without a checklist (department-run work) is never
/// refused. The calls for applications read the same rows with <see cref="ForItemAsync"/> to copy them.
/// </summary>
public sealed class DossierChecklist(IAppDbContext db)
{
    public async Task<IReadOnlyList<RequiredDocumentRow>> ForItemAsync(int contentItemId, CancellationToken ct = default) =>
        await db.RequiredDocuments.AsNoTracking()
            .Where(d => d.ContentItemId == contentItemId)
            .OrderBy(d => d.SortOrder)
            .Select(d => new RequiredDocumentRow(d.SortOrder, d.Name, d.DocumentType, d.IsMandatory))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<ChecklistEntry>> ForProposalAsync(int proposalId, CancellationToken ct = default)
    {
        var itemId = await db.Proposals.AsNoTracking().Where(p => p.Id == proposalId).Select(p => p.ContentItemId).FirstOrDefaultAsync(ct);
        var documents = await ForItemAsync(itemId, ct);
        if (documents.Count == 0)
        {
            return [];
        }

        var files = await db.Attachments.AsNoTracking()
            .Where(a => a.ProposalId == proposalId && !a.IsDeleted)
            .Select(a => new { a.DocumentType, a.FileName })
            .ToListAsync(ct);
        return documents.Select(d => new ChecklistEntry(d, files.Where(f => f.DocumentType == d.DocumentType).Select(f => f.FileName).ToList())).ToList();
    }

    /// <summary>
    /// The checklist of a proposal its page has read already: its item's entries against the files in the details (only the
    /// item's checklist is read; ADR 0235).
    /// </summary>
    public async Task<IReadOnlyList<ChecklistEntry>> ForDetailsAsync(ProposalDetails details, CancellationToken ct = default)
    {
        var documents = await ForItemAsync(details.ContentItemId, ct);
        var files = details.Attachments.Where(a => !a.IsDeleted).ToList();
        return documents.Select(d => new ChecklistEntry(d, files.Where(f => f.DocumentType == d.DocumentType).Select(f => f.FileName).ToList())).ToList();
    }

    /// <summary>The refusal for a dossier that lacks mandatory documents, or null when it may be submitted.</summary>
    public static DomainException? Refusal(IReadOnlyList<ChecklistEntry> checklist)
    {
        var missing = RequiredDocument.Missing(checklist, checklist.Where(c => c.IsMet).Select(c => c.Document.DocumentType), c => c.Document.DocumentType, c => c.Document.IsMandatory);
        return missing.Count == 0
            ? null
            : new DomainException(
                $"Chưa nộp được: hồ sơ còn thiếu {string.Join("; ", missing.Select(m => m.Document.Name))}. "
                + "Hãy đính kèm các tệp này (mục “Hồ sơ cần nộp”) rồi bấm “Nộp hồ sơ” lại.");
    }
}
