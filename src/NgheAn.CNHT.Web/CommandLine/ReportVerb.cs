using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Web.CommandLine;

/// <summary>report KIND --program CODE [--from Y --to Y | --year Y] --format F --out FILE: a report rendered as the portal renders it.</summary>
internal static class ReportVerb
{
    private const string Usage =
        "Cách dùng: report appendix|annual|matrix|register|document --program MÃ [--from NĂM --to NĂM | --year NĂM] --format json|pdf|docx|xlsx|html --out TỆP";

    public static async Task<int> RunAsync(VerbContext v)
    {
        var kindText = v.Positional ?? throw new Verbs.UsageException(Usage);
        if (!ReportKinds.TryParse(kindText, out var kind))
        {
            throw new Verbs.UsageException($"Loại báo cáo không hợp lệ: {kindText} (chọn appendix, annual, matrix, register hoặc document).");
        }

        var program = v.Require("program");
        var formatText = v.Options.GetValueOrDefault("format", "json");
        if (!ReportKinds.TryParseFormat(formatText, out var format))
        {
            throw new Verbs.UsageException($"Định dạng không hợp lệ: {formatText} (chọn json, pdf, docx, xlsx hoặc html).");
        }

        var output = v.Require("out");
        var (from, to) = v.Years();
        var file = await v.Get<ReportService>().RenderAsync(new ReportRequest(kind, program, from, to), format);
        VerbContext.EnsureFolderOf(output);
        await File.WriteAllBytesAsync(output, file.Content);
        Console.WriteLine($"Đã ghi {output} ({file.Content.Length:N0} byte).");
        return 0;
    }
}
