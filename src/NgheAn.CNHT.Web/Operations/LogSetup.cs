using Serilog;
using Serilog.Formatting.Compact;

namespace NgheAn.CNHT.Web.Operations;

/// <summary>
/// Serilog's sinks from <see cref="LogOutputOptions"/>: the console always (text, or compact JSON for
/// containers), plus a daily rolling file unless <c>Logging:File</c> is empty. Levels, enrichers and any
/// extra sinks an operator adds still come from the <c>Serilog</c> section.
/// </summary>
public static class LogSetup
{
    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(LogOutputOptions.Section).Get<LogOutputOptions>() ?? new LogOutputOptions();
        logger = logger
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext();

        logger = options.IsJson
            ? logger.WriteTo.Console(new CompactJsonFormatter())
            : logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);

        if (!string.IsNullOrWhiteSpace(options.File))
        {
            logger = logger.WriteTo.File(
                Path.GetFullPath(options.File, environment.ContentRootPath),
                formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                fileSizeLimitBytes: 50 * 1024 * 1024,
                rollOnFileSizeLimit: true);
        }

        return logger;
    }
}
