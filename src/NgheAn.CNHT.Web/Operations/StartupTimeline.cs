using System.Diagnostics;

namespace NgheAn.CNHT.Web.Operations;

/// <summary>
/// Where the start's time goes (issue 21, cold start; docs/performance.md): milliseconds since the process started at
/// a few points of <c>Program</c>, logged once Kestrel listens, e.g. "Listening 612 ms after the process started (Main
/// entered 98 ms, host built 301 ms, pipeline 355 ms)". One line per start; nothing is measured per request.
/// </summary>
public sealed class StartupTimeline
{
    private readonly DateTime _processStart;
    private readonly List<(string Name, double Ms)> _marks = [];

    private StartupTimeline()
    {
        using var process = Process.GetCurrentProcess();
        _processStart = process.StartTime.ToUniversalTime();
        Mark("Main entered");
    }

    public static StartupTimeline Begin() => new();

    public double SinceProcessStart => (DateTime.UtcNow - _processStart).TotalMilliseconds;

    public void Mark(string name) => _marks.Add((name, SinceProcessStart));

    /// <summary>Logs the marks when the server has started listening.</summary>
    public void LogWhenListening(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var marks = string.Join(", ", _marks.Select(m => $"{m.Name} {m.Ms:0}"));
            app.Logger.LogInformation("Listening {Elapsed:0} ms after the process started ({Marks} ms)", SinceProcessStart, marks);
        });
}
