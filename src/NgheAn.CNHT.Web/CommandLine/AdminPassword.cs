namespace NgheAn.CNHT.Web.CommandLine;

/// <summary>
/// The first administrator's password for <c>create-admin</c>: from the environment variable
/// <see cref="Variable"/>, else from standard input (a pipe, or typed without echo). Never from an argument,
/// which the process list and the shell history would keep.
/// </summary>
internal static class AdminPassword
{
    public const string Variable = "CNHT_ADMIN_PASSWORD";

    private const string HowTo =
        $"đặt biến môi trường {Variable}, hoặc nhập mật khẩu qua đầu vào chuẩn (ví dụ: create-admin --email E < tệp-mật-khẩu)";

    public static string Read(IReadOnlyDictionary<string, string> options)
    {
        if (options.ContainsKey("password"))
        {
            throw new Verbs.UsageException($"Không nhận mật khẩu qua tham số --password (lộ trong danh sách tiến trình và lịch sử lệnh): {HowTo}.");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var typed = Console.IsInputRedirected ? Console.In.ReadLine() : ReadWithoutEcho();
        return string.IsNullOrEmpty(typed) ? throw new Verbs.UsageException($"Thiếu mật khẩu: {HowTo}.") : typed;
    }

    private static string ReadWithoutEcho()
    {
        Console.Error.Write("Mật khẩu quản trị: ");
        var password = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is { Key: not ConsoleKey.Enter } key)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return password.ToString();
    }
}
