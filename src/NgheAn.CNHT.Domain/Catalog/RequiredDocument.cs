using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Domain.Catalog;

/// <summary>
/// One entry of a content item's checklist of dossier documents (danh mục hồ sơ), in order: its name as the
/// department writes it, the kind of file that answers it and whether a dossier without it may be submitted.
/// Catalog data (ADR 0125): the proposal page lists it next to "Nộp hồ sơ" and submission is refused while a
/// mandatory entry has no file; the calls for applications copy an item's checklist. An item with no mandatory
/// entry (work the department or the Support Center runs itself) has no dossier to check.
/// </summary>
public sealed class RequiredDocument : AuditableEntity
{
    private RequiredDocument() { }

    public RequiredDocument(int contentItemId, int sortOrder, string name, DocumentType documentType, bool isMandatory)
    {
        if (contentItemId <= 0)
        {
            throw new DomainException("Vui lòng chọn nội dung hỗ trợ.", nameof(ContentItemId));
        }

        if (!Enum.IsDefined(documentType))
        {
            throw new DomainException("Vui lòng chọn loại hồ sơ trong danh sách.", nameof(DocumentType));
        }

        ContentItemId = contentItemId;
        SortOrder = sortOrder;
        Name = Guard.Required(name, "Tên hồ sơ", 300, nameof(Name));
        DocumentType = documentType;
        IsMandatory = isMandatory;
    }

    public int ContentItemId { get; private set; }
    public ContentItem ContentItem { get; private set; } = null!;
    public int SortOrder { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The kind of attachment that answers this entry.</summary>
    public DocumentType DocumentType { get; private set; }
    public bool IsMandatory { get; private set; }

    /// <summary>The mandatory entries no current file answers, in checklist order.</summary>
    public static IReadOnlyList<T> Missing<T>(IEnumerable<T> checklist, IEnumerable<DocumentType> attached, Func<T, DocumentType> type, Func<T, bool> mandatory)
    {
        var have = attached.ToHashSet();
        return checklist.Where(d => mandatory(d) && !have.Contains(type(d))).ToList();
    }
}
