using NgheAn.CNHT.Application.DataExchange;

namespace NgheAn.CNHT.Web.CommandLine;

/// <summary>
/// export --program CODE --out FILE.xlsx [--template]: the program's data in the import template's format. The data is
/// streamed from the database into the file row by row (ADR 0108); the template is small and written by ClosedXML.
/// </summary>
internal static class ExportVerb
{
    public static async Task<int> RunAsync(VerbContext v)
    {
        var program = v.Require("program");
        var output = v.Require("out");
        VerbContext.EnsureFolderOf(output);
        if (v.Has("template"))
        {
            var model = await v.Get<ExportQuery>().BuildAsync(program, template: true);
            await using var file = File.Create(output);
            v.Get<IWorkbookWriter>().Write(model, file);
            Console.WriteLine($"Đã ghi {output}: {model.Proposals.Count:N0} đề án, {model.Ledger.Count:N0} bút toán giải ngân, {model.Units.Count:N0} đơn vị.");
            return 0;
        }

        var export = await v.Get<ExportQuery>().OpenAsync(program);
        await using (var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await v.Get<IStreamingWorkbookWriter>().WriteAsync(export, file);
        }

        Console.WriteLine($"Đã ghi {output}: {export.ProposalCount:N0} đề án, {export.LedgerCount:N0} bút toán giải ngân, {export.Head.Units.Count:N0} đơn vị.");
        return 0;
    }
}
