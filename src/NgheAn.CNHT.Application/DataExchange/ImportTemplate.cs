using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// The import template of a program (its catalog, a sample row per sheet, the drop-down lists) as a file. The template is
/// made of the catalog and nothing else, so the written file is kept under a fingerprint of that content (ADR 0233): a
/// write elsewhere (a proposal, a posting) leaves it, a change to the catalog (an item, a plan, the program's name) gives
/// a new file. ClosedXML takes a few hundred milliseconds to write it; reading the catalog takes a few.
/// </summary>
public sealed class ImportTemplate(ExportQuery export, IWorkbookWriter writer, ReportFileCache files)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <exception cref="Common.NotFoundException">No program has that code.</exception>
    public async Task<ReportFile> FileAsync(string programCode, CancellationToken ct = default)
    {
        var model = await export.BuildAsync(programCode, template: true, ct);
        return files.KeepByContent("import-template", ReportFileCache.Fingerprint(model), () =>
        {
            using var stream = new MemoryStream();
            writer.Write(model, stream);
            return new ReportFile($"Mẫu nhập dữ liệu CNHT {model.ProgramCode}.xlsx", ContentType, stream.ToArray());
        });
    }
}
