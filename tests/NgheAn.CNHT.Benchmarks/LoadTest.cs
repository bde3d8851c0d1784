using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace NgheAn.CNHT.Benchmarks;

/// <summary>
/// A bounded load run against a portal on 127.0.0.1 (scripts/perf/load-test.sh starts it): virtual users
/// of every business role sign in and, until the time is up, mix reads (dashboard, register, proposal
/// pages, ledger), report downloads (appendix PDF and XLSX) and writes (Support Center payments, new
/// draft proposals). Afterwards the database is checked: every proposal's ledger within its ceilings.
/// Exit code 0 only with zero 5xx answers, zero transport errors and zero invariant violations.
/// </summary>
public static partial class LoadTest
{
    private sealed record Sample(string Action, int Status, double Milliseconds);

    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var url = new Uri(Arg("url", "http://127.0.0.1:5390"));
        if (!IPAddress.IsLoopback(IPAddress.Parse(url.Host == "localhost" ? "127.0.0.1" : url.Host)))
        {
            Console.Error.WriteLine("Load runs only against 127.0.0.1.");
            return 2;
        }

        var users = int.Parse(Arg("users", "50"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(Arg("seconds", "60"), CultureInfo.InvariantCulture);
        var database = Arg("db", "");
        var samples = new ConcurrentBag<Sample>();
        var errors = new ConcurrentBag<string>();

        var proposals = await ProposalIdsAsync(database);
        var roles = Enumerable.Range(0, users).Select(i => (i % 10) switch
        {
            < 4 => "xem@cnht.demo",
            < 6 => "chuyenvien@cnht.demo",
            6 => "lanhdao@cnht.demo",
            _ => "trungtam@cnht.demo",
        }).ToList();

        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(roles.Select((email, n) => Task.Run(() => UserAsync(url, email, n, proposals, deadline, samples, errors))));
        clock.Stop();

        var all = samples.ToList();
        Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-ddTHH:mmZ} {Environment.ProcessorCount} cores, {users} users, {seconds} s, {url}");
        Console.WriteLine($"{"action",-22} {"requests",9} {"5xx",5} {"p50 ms",8} {"p99 ms",8}");
        foreach (var g in all.GroupBy(s => s.Action).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ms = g.Select(s => s.Milliseconds).Order().ToList();
            Console.WriteLine($"{g.Key,-22} {g.Count(),9} {g.Count(s => s.Status >= 500),5} {Percentile(ms, 0.50),8:F1} {Percentile(ms, 0.99),8:F1}");
        }

        var fiveXx = all.Count(s => s.Status >= 500);
        Console.WriteLine($"total {all.Count} requests in {clock.Elapsed.TotalSeconds:F0} s ({all.Count / clock.Elapsed.TotalSeconds:F0}/s), 5xx {fiveXx}, transport errors {errors.Count}, " +
                          $"writes accepted {all.Count(s => s.Action.StartsWith("write", StringComparison.Ordinal) && s.Status == 302)}");
        foreach (var e in errors.Take(10))
        {
            Console.WriteLine("  error: " + e);
        }

        var violations = string.IsNullOrEmpty(database) ? 0 : await CheckInvariantsAsync(database);
        Console.WriteLine($"ledger invariant violations: {violations}");
        return fiveXx == 0 && errors.IsEmpty && violations == 0 ? 0 : 1;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static async Task UserAsync(Uri url, string email, int n, (int[] Open, int[] Any) proposals, DateTime deadline,
        ConcurrentBag<Sample> samples, ConcurrentBag<string> errors)
    {
        var jar = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = jar, UseCookies = true })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var random = new Random(n);
        try
        {
            var login = await client.GetStringAsync("/Account/Login");
            await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = "Demo@2026!", ["__RequestVerificationToken"] = Token(login),
            }));
            // The sign-in cookie is Secure outside Development; a browser keeps sending it to 127.0.0.1 (a secure
            // context), .NET's CookieContainer does not over plain HTTP, so the copy it keeps is made non-Secure.
            foreach (var cookie in jar.GetAllCookies().Where(c => c.Secure).ToList())
            {
                jar.Add(url, new Cookie(cookie.Name, cookie.Value, cookie.Path) { HttpOnly = cookie.HttpOnly });
            }
        }
        catch (HttpRequestException ex)
        {
            errors.Add($"sign-in {email}: {ex.Message}");
            return;
        }

        var i = 0;
        while (DateTime.UtcNow < deadline)
        {
            i++;
            var pick = random.Next(100);
            try
            {
                if (email.StartsWith("trungtam", StringComparison.Ordinal) && pick < 25 && proposals.Open.Length > 0)
                {
                    var id = proposals.Open[random.Next(proposals.Open.Length)];
                    var page = $"/Disbursements/Record?proposalId={id}";
                    var html = await client.GetStringAsync(page);
                    await TimedAsync("write: payment", samples, () => client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = Token(html), ["ProposalId"] = id.ToString(CultureInfo.InvariantCulture),
                        ["Input.EntryDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Amount"] = "1.000",
                        ["Input.Kind"] = "Payment", ["Input.Source"] = "ProvincialBudget", ["Input.VoucherNumber"] = $"TAI-{n}-{i}",
                        // The ledger's version the page was opened on (a form without it is refused as stale).
                        ["Input.Version"] = Regex.Match(html, "name=\"Input.Version\" value=\"([^\"]*)\"").Groups[1].Value,
                    })));
                }
                else if (email.StartsWith("chuyenvien", StringComparison.Ordinal) && pick < 15)
                {
                    var html = await client.GetStringAsync("/Proposals/Create");
                    var item = Regex.Match(html, "<option value=\"(\\d+)\"[^>]*>3\\.3").Groups[1].Value;
                    var lead = Regex.Match(html, "name=\"Input.LeadOrganizationId\"[^>]*>\\s*(?:<option[^>]*>[^<]*</option>\\s*)?<option value=\"(\\d+)\"").Groups[1].Value;
                    await TimedAsync("write: new proposal", samples, () => client.PostAsync("/Proposals/Create", new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = Token(html), ["Input.ContentItemId"] = item, ["Input.LeadOrganizationId"] = lead,
                        ["Input.Title"] = $"Đề án thử tải {n}-{i}", ["Input.StartYear"] = "2025", ["Input.EndYear"] = "2025",
                        ["Input.TotalCost"] = "500.000.000", ["Input.ProvincialShare"] = "150.000.000",
                    })));
                }
                else if (pick < 30)
                {
                    await TimedAsync("read: dashboard", samples, () => client.GetAsync("/"));
                }
                else if (pick < 55)
                {
                    await TimedAsync("read: register", samples, () => client.GetAsync($"/Proposals?program=2018-2025&page={1 + random.Next(20)}"));
                }
                else if (pick < 75 && proposals.Any.Length > 0)
                {
                    await TimedAsync("read: proposal page", samples, () => client.GetAsync($"/Proposals/Details/{proposals.Any[random.Next(proposals.Any.Length)]}"));
                }
                else if (pick < 85)
                {
                    await TimedAsync("read: ledger", samples, () => client.GetAsync("/Disbursements?program=2018-2025"));
                }
                else if (pick < 93)
                {
                    await TimedAsync("download: appendix pdf", samples, () => client.GetAsync("/Reports/View/appendix?handler=Download&program=2018-2025&format=pdf"));
                }
                else
                {
                    await TimedAsync("download: appendix xlsx", samples, () => client.GetAsync("/Reports/View/appendix?handler=Download&program=2018-2025&format=xlsx"));
                }
            }
            catch (HttpRequestException ex)
            {
                errors.Add($"{email}: {ex.Message}");
            }
            catch (TaskCanceledException ex)
            {
                errors.Add($"{email}: timeout {ex.Message}");
            }
        }
    }

    private static async Task TimedAsync(string action, ConcurrentBag<Sample> samples, Func<Task<HttpResponseMessage>> request)
    {
        var watch = Stopwatch.StartNew();
        using var response = await request();
        await response.Content.ReadAsByteArrayAsync();
        samples.Add(new Sample(action, (int)response.StatusCode, watch.Elapsed.TotalMilliseconds));
    }

    private static string Token(string html) => WebUtility.HtmlDecode(TokenRegex().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    private static async Task<(int[] Open, int[] Any)> ProposalIdsAsync(string database)
    {
        if (string.IsNullOrEmpty(database))
        {
            return ([], []);
        }

        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        var open = new List<int>();
        var any = new List<int>();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Status FROM Proposals ORDER BY Id LIMIT 5000";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            any.Add(reader.GetInt32(0));
            if (reader.GetString(1) is "Implementing" or "Approved")
            {
                open.Add(reader.GetInt32(0));
            }
        }

        return ([.. open.Take(200)], [.. any]);
    }

    /// <summary>Every proposal's provincial ledger within its (settled or approved) share; other sources within the rest.</summary>
    private static async Task<int> CheckInvariantsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        var ceilings = new Dictionary<int, (decimal Share, decimal Other)>();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, COALESCE(SettledProvincialShare, ApprovedProvincialShare, '0'), COALESCE(SettledTotalCost, ApprovedTotalCost, '0') FROM Proposals";
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var share = decimal.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
                ceilings[reader.GetInt32(0)] = (share, decimal.Parse(reader.GetString(2), CultureInfo.InvariantCulture) - share);
            }
        }

        var sums = new Dictionary<(int, bool), decimal>();
        command.CommandText = "SELECT ProposalId, Source, Amount FROM DisbursementEntries";
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var key = (reader.GetInt32(0), reader.GetString(1) == "ProvincialBudget");
                sums[key] = sums.GetValueOrDefault(key) + decimal.Parse(reader.GetString(2), CultureInfo.InvariantCulture);
            }
        }

        return sums.Count(kv => kv.Value < 0 || kv.Value > (kv.Key.Item2 ? ceilings[kv.Key.Item1].Share : ceilings[kv.Key.Item1].Other));
    }
}
