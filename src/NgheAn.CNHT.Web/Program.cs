using NgheAn.CNHT.Application;
using NgheAn.CNHT.Infrastructure;
using NgheAn.CNHT.Infrastructure.Startup;
using NgheAn.CNHT.Web;
using NgheAn.CNHT.Web.CommandLine;
using NgheAn.CNHT.Web.Operations;
using Serilog;

// A plain console logger until the host's own Serilog logger (from configuration) replaces it.
// Not a reloadable bootstrap logger: that can be frozen only once, and test processes build many hosts.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    var timeline = StartupTimeline.Begin();
    var builder = WebApplication.CreateBuilder(Verbs.HostArgs(args));
    builder.Host.UseSerilog((context, services, logger) =>
        LogSetup.Configure(logger, context.Configuration, context.HostingEnvironment).ReadFrom.Services(services));

    builder.Services
        .AddApplicationServices()
        .AddInfrastructureServices()
        .AddWebServices(builder.Configuration, builder.Environment)
        // Last, after every AddDataProtection(): the key ring's warm-up waits for a database prepared in the background (ADR 0105).
        .DeferKeyRingWarmUp();

    var app = builder.Build();
    timeline.Mark("host built");
    if (!Verbs.IsVerb(args))
    {
        PageDescriptorsAside.Build(app);
    }

    app.LogDatabaseInUse();

    // Command-line verbs (migrate, seed-demo, create-admin, report, ...) run before the web host starts.
    if (Verbs.IsVerb(args))
    {
        return await Verbs.RunAsync(app, args);
    }

    // Listening at once, the database prepared behind a gate (issue 21, cold start; ADR 0105): on unless configured off.
    var background = app.Configuration.GetValue("Portal:InitializeInBackground", true)
        ? BackgroundInitialization.Start(app, app.InitializeDatabaseAsync)
        : null;
    if (background is null)
    {
        await app.InitializeDatabaseAsync();
    }

    app.UseWebPipeline();
    timeline.Mark("pipeline");
    timeline.LogWhenListening(app);
    await app.RunAsync();
    return background?.Failed == true ? 1 : 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The portal stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point; public so WebApplicationFactory&lt;Program&gt; can host it in tests.</summary>
public partial class Program;
