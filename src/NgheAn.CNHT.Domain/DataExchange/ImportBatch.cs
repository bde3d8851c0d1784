using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.DataExchange;

public enum ImportBatchStatus
{
    /// <summary>Uploaded and checked; waiting for the user to confirm (or problems to fix).</summary>
    Checked,
    /// <summary>Saved into the program's data.</summary>
    Imported,
    /// <summary>Given up by the user; the file bytes are removed.</summary>
    Discarded,
}

/// <summary>
/// One uploaded workbook between its preview and its confirmation. The file itself lives in
/// <see cref="ImportBatchContent"/> (in the database, so whichever web node serves the confirmation
/// reads the same bytes); the check report is kept there too, as UTF-8 JSON.
/// </summary>
public sealed class ImportBatch : Entity
{
    private ImportBatch() { }

    public ImportBatch(string fileName, byte[] data, string sha256, string? programCode, Actor actor, DateTime utcNow)
    {
        FileName = Guard.Required(fileName, "Tên tệp", FieldLengths.FileName, nameof(FileName));
        Size = data.Length;
        Content = new ImportBatchContent(data);
        Sha256 = sha256;
        ProgramCode = programCode;
        UploadedBy = actor.UserName;
        UploadedAt = utcNow;
        Status = ImportBatchStatus.Checked;
    }

    public string FileName { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    /// <summary>The program the rows were checked against (chosen on upload or read from the workbook).</summary>
    public string? ProgramCode { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }
    public ImportBatchStatus Status { get; private set; }
    public DateTime? CheckedAt { get; private set; }
    public int ErrorCount { get; private set; }
    public int NewProposalCount { get; private set; }
    public int NewLedgerEntryCount { get; private set; }
    public DateTime? ImportedAt { get; private set; }
    public string? ImportedBy { get; private set; }
    public ImportBatchContent? Content { get; private set; }

    public void RecordCheck(string? programCode, int errorCount, int newProposals, int newLedgerEntries, DateTime utcNow)
    {
        EnsureChecked();
        ProgramCode = programCode;
        ErrorCount = errorCount;
        NewProposalCount = newProposals;
        NewLedgerEntryCount = newLedgerEntries;
        CheckedAt = utcNow;
    }

    public void MarkImported(Actor actor, DateTime utcNow)
    {
        EnsureChecked();
        Status = ImportBatchStatus.Imported;
        ImportedBy = actor.UserName;
        ImportedAt = utcNow;
    }

    public void Discard()
    {
        EnsureChecked();
        Status = ImportBatchStatus.Discarded;
    }

    private void EnsureChecked()
    {
        if (Status == ImportBatchStatus.Imported)
        {
            throw new DomainException("Tệp này đã được nhập; không thực hiện lại.");
        }

        if (Status == ImportBatchStatus.Discarded)
        {
            throw new DomainException("Tệp này đã bị hủy; hãy tải tệp lên lại.");
        }
    }
}

/// <summary>The uploaded bytes and the last check report (UTF-8 JSON) of an <see cref="ImportBatch"/>.</summary>
public sealed class ImportBatchContent
{
    private ImportBatchContent() { }

    public ImportBatchContent(byte[] data) => Data = data;

    public int ImportBatchId { get; private set; }
    public byte[] Data { get; private set; } = [];
    public byte[]? Report { get; private set; }

    public void SetReport(byte[] report) => Report = report;
}
