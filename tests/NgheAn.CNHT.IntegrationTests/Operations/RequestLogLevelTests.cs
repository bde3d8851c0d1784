using Microsoft.AspNetCore.Http;
using NgheAn.CNHT.Web.Operations;
using Serilog.Events;

namespace NgheAn.CNHT.IntegrationTests.Operations;

/// <summary>What the request log calls an error: a failure of the portal, not a client that went away.</summary>
public sealed class RequestLogLevelTests
{
    private static DefaultHttpContext Request(string path, int status, bool aborted)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Response.StatusCode = status;
        if (aborted)
        {
            var gone = new CancellationTokenSource();
            gone.Cancel();
            context.RequestAborted = gone.Token;
        }

        return context;
    }

    [Fact]
    public void A_download_the_client_abandoned_is_information_and_a_real_failure_stays_an_error()
    {
        Assert.Equal(LogEventLevel.Information,
            OperationsSetup.RequestLogLevel(Request("/Reports/View/appendix", 500, aborted: true), 12, new TaskCanceledException()));
        Assert.Equal(LogEventLevel.Error,
            OperationsSetup.RequestLogLevel(Request("/Reports/View/appendix", 500, aborted: false), 12, new TaskCanceledException()));
        Assert.Equal(LogEventLevel.Error,
            OperationsSetup.RequestLogLevel(Request("/Reports/View/appendix", 500, aborted: true), 12, new InvalidOperationException()));
        Assert.Equal(LogEventLevel.Information, OperationsSetup.RequestLogLevel(Request("/Proposals", 200, aborted: false), 12, null));
        Assert.Equal(LogEventLevel.Verbose, OperationsSetup.RequestLogLevel(Request("/health/live", 200, aborted: false), 1, null));
    }
}
