using System.Diagnostics;

namespace NgheAn.CNHT.Web.Operations;

/// <summary>
/// Where the start's time goes (issue 21, cold start; docs/performance.md): milliseconds since the process started at
/// a few points of <c>Program</c>, logged once Kestrel listens, e.g. "Listening 612 ms after the process started (Main
/// entered 98 ms, host built 301 ms, pipeline 355 ms)". One line per start; nothing is measured per request.
/// </summary>
public sealed class StartupTimeline
{
    private readonly List<(string Name, DateTime At)> _marks = [];

    private StartupTimeline() => Mark("Main entered");

    public static StartupTimeline Begin() => new();

    /// <summary>A moment of the start; the process's start time is read only when the line is logged (off the start's path).</summary>
    public void Mark(string name) => _marks.Add((name, DateTime.UtcNow));

    /// <summary>Logs the marks when the server has started listening.</summary>
    public void LogWhenListening(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var listening = DateTime.UtcNow;
            using var process = Process.GetCurrentProcess();
            var start = process.StartTime.ToUniversalTime();
            var marks = string.Join(", ", _marks.Select(m => $"{m.Name} {(m.At - start).TotalMilliseconds:0}"));
            app.Logger.LogInformation("Listening {Elapsed:0} ms after the process started ({Marks} ms)", (listening - start).TotalMilliseconds, marks);
        });
}
