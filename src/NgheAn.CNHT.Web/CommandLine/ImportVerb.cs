using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.Web.CommandLine;

/// <summary>import FILE.xlsx [--program CODE] [--dry-run] [--flag-rule-violations]: the portal's checks, then all rows in one transaction or none.</summary>
internal static class ImportVerb
{
    private const int NoticesShown = 20;

    public static async Task<int> RunAsync(VerbContext v)
    {
        var path = v.Positional ?? throw new Verbs.UsageException("Cách dùng: import TỆP.xlsx [--program MÃ] [--dry-run] [--flag-rule-violations]");
        if (!File.Exists(path))
        {
            throw new Verbs.UsageException($"Không có tệp {path}.");
        }

        var dryRun = v.Has("dry-run");
        await v.Get<DatabaseInitializer>().MigrateAsync();
        var lastPercent = -10;
        await using var file = File.OpenRead(path);
        var outcome = await v.Get<ImportService>().RunAsync(file,
            new ImportRequest(Path.GetFileName(path), v.Options.GetValueOrDefault("program"), dryRun, v.Has("flag-rule-violations")),
            p =>
            {
                if (p.Phase == ImportService.PhaseSave && p.Percent / 10 != lastPercent / 10)
                {
                    lastPercent = p.Percent;
                    Console.WriteLine($"{p.Phase}: {p.Done:N0}/{p.Total:N0} đề án ({p.Percent}%)");
                }

                return Task.CompletedTask;
            });

        var notices = outcome.Problems.Where(p => !p.IsError).ToList();
        foreach (var problem in notices.Take(NoticesShown))
        {
            Console.WriteLine($"Lưu ý — {problem}");
        }

        if (notices.Count > NoticesShown)
        {
            Console.WriteLine($"… và {notices.Count - NoticesShown:N0} lưu ý khác.");
        }

        var s = outcome.Summary;
        if (outcome.HasErrors)
        {
            foreach (var problem in outcome.Problems.Where(p => p.IsError))
            {
                Console.Error.WriteLine($"Lỗi: {problem}");
            }

            Console.Error.WriteLine($"Lỗi: tệp có {outcome.ErrorCount:N0} lỗi; không dòng nào được ghi.");
            return 2;
        }

        var what = $"{s.NewProposals:N0} đề án mới, {s.NewLedgerEntries:N0} bút toán giải ngân, {s.NewUnits:N0} đơn vị chủ trì mới; {s.ExistingProposals:N0} đề án đã có được bỏ qua";
        Console.WriteLine(dryRun
            ? $"Kiểm tra xong, không có lỗi (chạy thử, chưa ghi): {what}."
            : outcome.Saved ? $"Đã nhập vào chương trình {outcome.ProgramCode}: {what}." : $"Không có dữ liệu mới để nhập: {what}.");
        return 0;
    }
}
