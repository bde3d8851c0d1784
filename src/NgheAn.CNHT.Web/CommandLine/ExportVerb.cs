using NgheAn.CNHT.Application.DataExchange;

namespace NgheAn.CNHT.Web.CommandLine;

/// <summary>export --program CODE --out FILE.xlsx [--template]: the program's data in the import template's format.</summary>
internal static class ExportVerb
{
    public static async Task<int> RunAsync(VerbContext v)
    {
        var program = v.Require("program");
        var output = v.Require("out");
        var model = await v.Get<ExportQuery>().BuildAsync(program, v.Has("template"));
        VerbContext.EnsureFolderOf(output);
        await using (var file = File.Create(output))
        {
            v.Get<IWorkbookWriter>().Write(model, file);
        }

        Console.WriteLine($"Đã ghi {output}: {model.Proposals.Count:N0} đề án, {model.Ledger.Count:N0} bút toán giải ngân, {model.Units.Count:N0} đơn vị.");
        return 0;
    }
}
