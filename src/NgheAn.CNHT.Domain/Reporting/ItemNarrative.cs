using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Reporting;

/// <summary>
/// The explanation staff type for one content item (or a whole group, when ContentItemId is null) and
/// one reporting period, appended to the generated sentence in the report document.
/// </summary>
public sealed class ItemNarrative : AuditableEntity
{
    private ItemNarrative() { }

    public ItemNarrative(int programId, int? contentGroupId, int? contentItemId, int fromYear, int toYear, string text)
    {
        _ = new YearRange(fromYear, toYear);
        ProgramId = programId;
        ContentGroupId = contentGroupId;
        ContentItemId = contentItemId;
        FromYear = fromYear;
        ToYear = toYear;
        Change(text);
    }

    public int ProgramId { get; private set; }
    public int? ContentGroupId { get; private set; }
    public int? ContentItemId { get; private set; }
    public int FromYear { get; private set; }
    public int ToYear { get; private set; }
    public string Text { get; private set; } = "";

    public void Change(string text) => Text = Guard.Required(text, "Nội dung giải trình", 4000, nameof(Text));
}
